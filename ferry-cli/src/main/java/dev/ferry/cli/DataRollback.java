package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.data.DataEndpoint;
import dev.ferry.data.heroku.MaintenanceWindow;
import dev.ferry.data.heroku.WindowRecord;
import dev.ferry.data.postgres.DumpRestore;
import dev.ferry.data.redis.RedisTargets;
import dev.ferry.data.deployed.DataKind;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * `ferry data migrate --from heroku --app NAME --rollback`: undoes a --maintenance run that did not finish, from its
 * record: the app's maintenance mode and dynos put back as they were, and the target emptied again when it was empty
 * before the run (a target that held data is left alone: what --force dropped cannot be brought back).
 */
final class DataRollback {

    private final CliContext context;
    private final PrompterHolder prompts;
    private final ConsoleEvents events;
    private final DataHeroku heroku;
    private final Path stateDir;
    private final boolean yes;

    DataRollback(CliContext context, PrompterHolder prompts, ConsoleEvents events, DataHeroku heroku, Path stateDir,
                 boolean yes) {
        this.context = context;
        this.prompts = prompts;
        this.events = events;
        this.heroku = heroku;
        this.stateDir = stateDir;
        this.yes = yes;
    }

    /** @param targetFor resolves the target given on the command line; null when none was given */
    int run(Function<DataKind, DataEndpoint> targetFor) {
        Path file = WindowRecord.file(stateDir, heroku.app());
        WindowRecord record = WindowRecord.read(file).orElseThrow(() -> FerryException.badInput(
                "--rollback: no --maintenance run of " + heroku.app() + " is recorded (" + context.shorten(file.toString())
                        + ")", "nothing to undo; run ferry data migrate from the same folder as the run"));
        if (record.phase() == WindowRecord.Phase.CLOSED) {
            throw FerryException.badInput("--rollback: the recorded run of " + heroku.app() + " finished and put the"
                    + " app back (" + context.shorten(file.toString()) + ")", "nothing to undo");
        }
        DataKind kind = record.kind().equals("redis") ? DataKind.REDIS : DataKind.POSTGRES;
        DataEndpoint target = null;
        if (record.targetWasEmpty()) {
            if (targetFor == null) {
                throw FerryException.badInput("--rollback: the run copied into " + record.target() + ", which was"
                        + " empty before", "give the same target (--to local or --to-url) so that ferry empties it"
                        + " again");
            }
            target = targetFor.apply(kind);
            if (!target.url().place().equals(record.target())) {
                throw FerryException.badInput("--rollback: the recorded run copied into " + record.target() + ", not "
                        + target.url().place(), "give the same target as the run");
            }
        }
        String putBack = (record.before().maintenance() ? "maintenance mode stays on" : "maintenance mode off")
                + (record.before().workers().isEmpty() ? ""
                : ", " + MaintenanceWindow.describe(record.before().workers()));
        events.step("Rollback of " + heroku.app() + ": " + putBack + (target != null ? "; empty "
                + target.url().place() + " (it was empty before the run)"
                : "; the target held data before the run: it is left as it is"));
        confirm(target);
        HerokuWindow.closeRecorded(heroku::freshSession, events, record, file);
        if (target != null) {
            if (kind == DataKind.REDIS) {
                RedisTargets.empty(target);
            } else {
                DumpRestore.empty(target);
            }
            events.step("emptied " + target.url().place());
        }
        events.step("Rolled back: " + heroku.app() + " is as it was before the run.");
        return ExitCodes.OK;
    }

    private void confirm(DataEndpoint target) {
        if (yes) {
            return;
        }
        if (!prompts.allowed()) {
            throw FerryException.badInput("--rollback changes the Heroku app " + heroku.app()
                    + (target != null ? " and empties " + target.url().place() : "") + " and needs a confirmation",
                    "review the line above, then run again with --yes");
        }
        String question = "Put " + heroku.app() + " back" + (target != null ? " and empty " + target.url().place() : "")
                + "?";
        if (!prompts.get().confirm(question, false)) {
            throw new PromptCancelledException();
        }
    }
}
