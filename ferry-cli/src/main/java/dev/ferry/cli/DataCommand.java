package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.data.DataEndpoint;
import dev.ferry.data.DataMover;
import dev.ferry.data.MovePlan;
import dev.ferry.data.MoveRequest;
import dev.ferry.data.MoveResult;
import dev.ferry.data.SourceResolver;
import dev.ferry.data.heroku.HerokuSourceResolver;
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
                    "  ferry data migrate --from heroku --app my-app \\",
                    "      --to-url env:TARGET_DATABASE_URL",
                    "  ferry data migrate --from-url env:HEROKU_DATABASE_URL \\",
                    "      --to-url env:TARGET_DATABASE_URL",
                    "  ferry data migrate --from-url env:HEROKU_REDIS_URL \\",
                    "      --to-url redis://localhost:6379 --yes",
                    ""})
    static final class Migrate implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        /** The one place a source can come from other than a URL. */
        enum Origin { heroku }

        @Option(names = "--from-url", paramLabel = "URL",
                description = "The source database (e.g. the Heroku app's DATABASE_URL), or env:NAME.")
        String fromUrl;

        @Option(names = "--from", paramLabel = "ORIGIN",
                description = "Read the source URL live from a Heroku app's config vars: ${COMPLETION-CANDIDATES}.")
        Origin from;

        @Option(names = "--app", paramLabel = "NAME", description = "With --from heroku: the Heroku app.")
        String app;

        @Option(names = "--attachment", paramLabel = "NAME",
                description = "With --from heroku: the attachment to copy from (its config var NAME_URL);"
                        + " default DATABASE, or REDIS when the target is redis:// or rediss://.")
        String attachment;

        @Option(names = "--to-url", required = true, paramLabel = "URL", description = "The target database, or env:NAME.")
        String toUrl;

        @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
                description = "Postgres: parallel COPY streams and index builds (default: ${DEFAULT-VALUE};"
                        + " no temporary file either way).")
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
            checkSourceOptions();
            DataEndpoint target = new DataEndpoint(ConnectionUrl.parse(urlText(toUrl, "--to-url"), "--to-url"), false);
            DataEndpoint source = from == Origin.heroku ? fromHeroku(target)
                    : SourceResolver.ofUrl(urlText(fromUrl, "--from-url"), "--from-url").resolve();
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
            if (source.fromHeroku()) {
                throw FerryException.badInput("--attachment: the Heroku app's " + (source.url().isRedis() ? "Redis"
                        : "Postgres") + " database cannot be copied into the --to-url of another kind",
                        "give --attachment of the target's kind (DATABASE for postgres://, REDIS for redis://)");
            }
            throw FerryException.badInput("--from-url and --to-url must be the same kind of database",
                    "give two postgres:// URLs or two redis:// / rediss:// URLs");
        }

        /** Exactly one source: --from-url URL, or --from heroku --app NAME (with an optional --attachment). */
        private void checkSourceOptions() {
            if (from == null && fromUrl == null) {
                throw FerryException.badInput("no source: give --from-url URL or --from heroku --app NAME",
                        "e.g. ferry data migrate --from heroku --app my-app --to-url env:TARGET_URL");
            }
            if (from != null && fromUrl != null) {
                throw FerryException.badInput("--from and --from-url both name a source; give one",
                        "drop --from-url to read the URL from Heroku, or drop --from heroku");
            }
            if (from == Origin.heroku && (app == null || app.isBlank())) {
                throw FerryException.badInput("--from heroku needs --app NAME", "e.g. --from heroku --app my-app");
            }
            if (from == null && (app != null || attachment != null)) {
                throw FerryException.badInput((app != null ? "--app" : "--attachment") + " applies to --from heroku only",
                        "drop it, or replace --from-url with --from heroku --app NAME");
            }
        }

        /** The attachment's URL, read live from the API and held in memory only (never printed or stored). */
        private DataEndpoint fromHeroku(DataEndpoint target) {
            String chosen = attachment != null ? attachment : HerokuSourceResolver.defaultAttachment(target.url());
            ConsoleEvents events = new ConsoleEvents(context, common.debug);
            try (PrompterHolder prompts = new PrompterHolder(context, context.interactive(common));
                 HerokuSession heroku = HerokuSession.open(context, prompts, events)) {
                HerokuSourceResolver resolver = new HerokuSourceResolver(heroku.client(), app, chosen);
                DataEndpoint source = resolver.resolve();
                events.step("Source: " + resolver.varName() + " of \"" + app + "\" (" + source.url().redacted()
                        + "), read from the Heroku API with the token from " + heroku.tokenSource());
                return source;
            }
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
