package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.data.DataEndpoint;
import dev.ferry.data.DataMover;
import dev.ferry.data.MovePlan;
import dev.ferry.data.MoveRequest;
import dev.ferry.data.MoveResult;
import dev.ferry.data.SourceResolver;
import dev.ferry.data.ConnectionUrl;
import dev.ferry.data.postgres.PostgresMover;
import dev.ferry.data.redis.RedisMover;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ferry data}: move the app's data. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Move an app's Postgres and Redis data.",
        subcommands = DataCommand.Migrate.class)
final class DataCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code ferry data migrate}: copy one database into another, verified. */
    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = {"Copy a Postgres or Redis database into another one, then verify it.",
                    "The kind follows the URLs: postgres://, redis:// or rediss://.",
                    "env:NAME reads a URL from an environment variable (keeps the",
                    "password out of the process list and the shell history).",
                    "",
                    "  ferry data migrate --from-url env:HEROKU_DATABASE_URL \\",
                    "      --to-url env:TARGET_DATABASE_URL",
                    "  ferry data migrate --from-url env:HEROKU_REDIS_URL \\",
                    "      --to-url redis://localhost:6379 --yes",
                    ""})
    static final class Migrate implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Option(names = "--from-url", required = true, paramLabel = "URL",
                description = "The source database (e.g. the Heroku app's DATABASE_URL), or env:NAME.")
        String fromUrl;

        @Option(names = "--to-url", required = true, paramLabel = "URL", description = "The target database, or env:NAME.")
        String toUrl;

        @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
                description = "Postgres: parallel dump and restore through a temporary folder (default: ${DEFAULT-VALUE},"
                        + " streamed with no temporary file).")
        int jobs;

        @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation after the plan.")
        boolean yes;

        @Option(names = {"-f", "--force"},
                description = "Copy into a non-empty target: Postgres drops what is there (listed first);"
                        + " Redis replaces keys with the same name.")
        boolean force;

        @Option(names = "--resume", description = "Postgres: finish the interrupted run recorded in .ferry/data.")
        boolean resume;

        @Option(names = "--json", description = "Print the result as JSON on stdout.")
        boolean json;

        private final CliContext context;

        Migrate(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (jobs < 1) {
                throw FerryException.badInput("--jobs must be 1 or more", "e.g. --jobs 4");
            }
            DataEndpoint source = SourceResolver.ofUrl(urlText(fromUrl, "--from-url"), "--from-url").resolve();
            DataEndpoint target = new DataEndpoint(ConnectionUrl.parse(urlText(toUrl, "--to-url"), "--to-url"), false);
            DataMover mover = mover(source, target);
            DataOutput output = new DataOutput(context, common, json);
            MoveRequest request = new MoveRequest(source, target, jobs, force, resume,
                    context.workDir().resolve(".ferry/data"));
            MovePlan plan = mover.plan(request);
            output.plan(plan);
            confirm(plan);
            MoveResult result = mover.move(plan, output.events());
            return output.result(plan, result) ? ExitCodes.OK : ExitCodes.FAILED;
        }

        private DataMover mover(DataEndpoint source, DataEndpoint target) {
            if (source.url().isPostgres() && target.url().isPostgres()) {
                return new PostgresMover(context.env());
            }
            if (source.url().isRedis() && target.url().isRedis()) {
                return new RedisMover();
            }
            throw FerryException.badInput("--from-url and --to-url must be the same kind of database",
                    "give two postgres:// URLs or two redis:// / rediss:// URLs");
        }

        private void confirm(MovePlan plan) {
            if (yes) {
                return;
            }
            try (PrompterHolder prompts = new PrompterHolder(context, context.interactive(common))) {
                if (!prompts.allowed()) {
                    throw FerryException.badInput("ferry data migrate writes to " + plan.request().target().url().place()
                            + " and needs a confirmation", "review the plan above, then run again with --yes");
                }
                String question = plan.toDrop().isEmpty() ? "Copy into " + plan.request().target().url().place() + "?"
                        : "Drop what is listed above from " + plan.request().target().url().place() + " and copy?";
                if (!prompts.get().confirm(question, false)) {
                    throw new PromptCancelledException();
                }
            }
        }

        /** env:NAME reads the URL from the environment, so that its password stays out of `ps` and shell history. */
        private String urlText(String value, String option) {
            if (!value.startsWith("env:")) {
                return value;
            }
            String name = value.substring(4);
            String url = context.env().get(name);
            if (url == null || url.isBlank()) {
                throw FerryException.badInput(option + " env:" + name + ": the environment variable " + name
                        + " is not set", "export " + name + "=postgres://… (or redis://…) first");
            }
            return url;
        }
    }
}
