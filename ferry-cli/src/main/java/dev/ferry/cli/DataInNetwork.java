package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.data.DataEndpoint;
import dev.ferry.data.DataMover;
import dev.ferry.data.postgres.PostgresMover;
import dev.ferry.data.redis.RedisMover;
import dev.ferry.data.SourceResolver;
import dev.ferry.data.deployed.DataKind;
import dev.ferry.data.deployed.InNetworkMove;
import dev.ferry.data.heroku.AttachmentName;
import dev.ferry.provider.ConfigStore;
import dev.ferry.provider.Provider;

/**
 * `ferry data migrate --to PROVIDER` for a provider whose databases this machine cannot reach (aws): the plan and
 * the question here, the copy inside the deployment's network ({@link InNetworkMove}), its output streamed back.
 * The Heroku side (--from heroku, --maintenance) stays on this machine, around the remote run.
 */
final class DataInNetwork {

    private final DataCommand.Migrate options;
    private final CliContext context;
    private final PrompterHolder prompts;
    private final ConsoleEvents console;
    private final DataHeroku heroku;

    DataInNetwork(DataCommand.Migrate options, CliContext context, PrompterHolder prompts, ConsoleEvents console,
                  DataHeroku heroku) {
        this.options = options;
        this.context = context;
        this.prompts = prompts;
        this.console = console;
        this.heroku = heroku;
    }

    /** Options that need this machine to reach the target, refused before anything is read. */
    static void checkOptions(DataCommand.Migrate options) {
        String provider = options.to;
        if (options.resume) {
            throw FerryException.badInput("--resume with --to " + provider + ": the copy runs in the deployment's"
                    + " network and its state goes with the task", "run again without --resume (add --force to"
                    + " replace what an interrupted run copied)");
        }
        if (options.backup) {
            throw FerryException.badInput("--backup with --to " + provider + " is not supported",
                    "drop --backup to copy the live database (add --maintenance to hold writes during the copy)");
        }
        if (options.rollback) {
            throw FerryException.badInput("--rollback with --to " + provider + ": ferry cannot reach that database"
                    + " from this machine to empty it", "drop --to " + provider + ": --rollback alone puts the Heroku"
                    + " app back as recorded");
        }
    }

    int run(Provider provider, InNetworkMove move, DataKind kind) {
        ConfigStore store = provider.configStore(context.resolve(options.composeFile).getParent());
        LoadedCompose compose = DataTargets.compose(context, options.composeFile, store);
        DataEndpoint source = source(kind);
        if (source.url().isRedis() != (kind == DataKind.REDIS)) {
            throw FerryException.badInput("--attachment: the Heroku app's " + (source.url().isRedis() ? "Redis"
                    : "Postgres") + " database cannot be copied into the " + kind.label() + " target",
                    "give --attachment of the target's kind (DATABASE for Postgres, REDIS for Redis)");
        }
        sourceSummary(kind, source);
        InNetworkMove.Request request = new InNetworkMove.Request(kind, options.toService, source, options.jobs,
                options.force);
        console.step("Plan: copy " + source.url().redacted() + " (" + kind.label() + ") into the " + provider.name()
                + " deployment of " + compose.projectName());
        move.describe(compose, request).lines().forEach(console::step);
        if (options.force) {
            console.step("--force: the task drops what the target holds before copying (its output lists it)");
        }
        HerokuWindow window = options.maintenance ? heroku.window(options.stateDir()) : null;
        if (window != null) {
            console.step(window.describe(heroku.session()));
        }
        options.confirm(prompts, "the " + provider.name() + " deployment's " + kind.label() + " database", false,
                window != null);
        ComposeEvents events = new ComposeEvents(context.err(), context.terminalAttached(), options.common.debug);
        if (window != null) {
            // the target's contents before are unknown here: a rollback never empties it
            window.open(heroku.session(), false, kind.label(), provider.name() + " " + compose.projectName(), false);
            window.around(() -> {
                move.run(compose, request, events);
                return null;
            });
        } else {
            move.run(compose, request, events);
        }
        console.step("Copied and verified inside the " + provider.name() + " deployment's network");
        if (options.json) {
            context.out().println("{\"target\": \"" + provider.name() + "\", \"kind\": \"" + kind.label()
                    + "\", \"verified\": true}");
        }
        return ExitCodes.OK;
    }

    /** The source's size when this machine reaches it; the task's own plan shows it either way. */
    private void sourceSummary(DataKind kind, DataEndpoint source) {
        DataMover mover = kind == DataKind.POSTGRES ? new PostgresMover(context.env()) : new RedisMover();
        try {
            console.step("Source holds " + mover.describeSource(source));
        } catch (FerryException e) {
            console.step("The source could not be read from this machine (" + e.getMessage().lines().findFirst()
                    .orElse("") + "); the task reads it from the VPC and shows its plan");
        }
    }

    private DataEndpoint source(DataKind kind) {
        if (heroku != null) {
            AttachmentName attachment = options.attachment != null ? options.attachmentName()
                    : kind == DataKind.REDIS ? AttachmentName.REDIS : AttachmentName.DATABASE;
            return heroku.liveSource(attachment);
        }
        DataEndpoint source = SourceResolver.ofUrl(DataTargets.urlText(context, options.fromUrl, "--from-url"),
                "--from-url", context.env()).resolve();
        console.step("Source: " + source.url().redacted());
        return source;
    }
}
