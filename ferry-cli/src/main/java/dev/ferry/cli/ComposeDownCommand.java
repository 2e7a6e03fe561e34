package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.provider.ComposeSession;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ferry compose down}: remove what up made. Data stays (local: the volumes; aws: final database snapshots and
 * the SSM config values) unless --volumes / --force-destroy, which asks first.
 */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = {"Stop and remove what `compose up` made. The data is kept unless you say otherwise:",
                "  local: the named volumes stay unless --volumes (or --force-destroy);",
                "  aws:   deletes the app stack; databases leave a final snapshot and the config values stay in SSM,",
                "         unless --force-destroy. The shared ferry-bootstrap stack is never deleted."})
final class ComposeDownCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ComposeOptions compose;

    @Option(names = {"-v", "--volumes"}, description = "Also remove the named volumes (the databases' data).")
    boolean volumes;

    @Option(names = "--force-destroy",
            description = "Delete the data too: databases without a final snapshot, the config values, the volumes. Asks first.")
    boolean forceDestroy;

    @Option(names = {"-y", "--yes"}, description = "Answer yes when down would delete data (--force-destroy, or a database without a final snapshot); needed with --non-interactive.")
    boolean yes;

    private final CliContext context;

    ComposeDownCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ComposeSession session = compose.open(context);
        // a down that would lose data asks first, whether or not --force-destroy was given (a database in a mode
        // without final snapshots goes with its stack)
        List<String> lost = session.provider().dataDeletedByDown(session.compose(), volumes || forceDestroy);
        if ((forceDestroy || !lost.isEmpty()) && !yes && !confirmed(session.compose().projectName(), lost)) {
            context.err().println("ferry: nothing was deleted");
            return ExitCodes.CANCELLED;
        }
        session.provider().down(session.compose(), volumes || forceDestroy,
                new ComposeEvents(context.err(), false, common.debug));
        return ExitCodes.OK;
    }

    private boolean confirmed(String project, List<String> lost) {
        String what = compose.local() ? "the volumes of \"" + project + "\""
                : lost.isEmpty() ? "the config values of \"" + project + "\""
                : String.join(", ", lost) + (forceDestroy ? " and the config values" : "") + " of \"" + project + "\"";
        if (!context.interactive(common)) {
            throw FerryException.badInput("down deletes " + what + " and needs a yes",
                    "add --yes to confirm without a prompt" + (forceDestroy ? ""
                            : ", or deploy with --mode balanced (final snapshots) before taking it down"));
        }
        try (PrompterHolder prompts = new PrompterHolder(context, true)) {
            return prompts.get().confirm("Delete " + what + "? This cannot be undone.", false);
        }
    }
}
