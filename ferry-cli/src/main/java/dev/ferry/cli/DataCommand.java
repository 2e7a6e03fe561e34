package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.data.DataEndpoint;
import dev.ferry.data.DataMover;
import dev.ferry.data.MovePlan;
import dev.ferry.data.MoveRequest;
import dev.ferry.data.MoveResult;
import dev.ferry.data.SourceResolver;
import dev.ferry.data.ConnectionUrl;
import dev.ferry.data.heroku.AttachmentName;
import dev.ferry.data.postgres.PostgresMover;
import dev.ferry.data.redis.RedisMover;
import dev.ferry.data.deployed.DataKind;
import dev.ferry.data.deployed.InNetworkMove;
import dev.ferry.data.deployed.TargetResolvers;
import dev.ferry.provider.Provider;
import dev.ferry.provider.Providers;
import java.util.Optional;
import java.nio.file.Path;
import java.util.Locale;
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
                    "  ferry data migrate --from heroku --app my-app --to local \\",
                    "      --maintenance --backup",
                    "  ferry data migrate --from heroku --app my-app --to local --rollback",
                    "  ferry data migrate --from heroku --app my-app --to aws --stack beta",
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

        @Option(names = "--backup",
                description = "With --from heroku (Postgres): capture a fresh Heroku backup and restore it, instead"
                        + " of reading the live database.")
        boolean backup;

        @Option(names = "--maintenance",
                description = "With --from heroku: maintenance mode on and non-web dynos scaled to 0 during the copy;"
                        + " both put back afterwards.")
        boolean maintenance;

        @Option(names = "--rollback",
                description = "Undo an interrupted --maintenance run: put the Heroku app back as recorded and, if the"
                        + " target was empty before, empty it again.")
        boolean rollback;

        @Option(names = "--to-url", paramLabel = "URL", description = "The target database, or env:NAME.")
        String toUrl;

        @Option(names = "--to", paramLabel = "PROVIDER",
                description = "The target: the Postgres (or Redis) service of the compose file as PROVIDER runs"
                        + " it; local reaches its published port, with the password from the config store; aws"
                        + " copies inside the stack's VPC (a one-off ECS task running ferry).")
        String to;

        @Option(names = "--stack", paramLabel = "NAME",
                description = "With --to aws: the deployment's stack name (as compose up --stack); default beta.")
        String stack;

        @Option(names = "--to-service", paramLabel = "SERVICE",
                description = "With --to: the compose service, when there is more than one of the kind.")
        String toService;

        @Option(names = "--compose-file", paramLabel = "FILE", defaultValue = "compose.yaml",
                description = "With --to: the compose file; default ${DEFAULT-VALUE} in this folder.")
        Path composeFile;

        @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
                description = "Postgres: parallel COPY streams and index builds (default: ${DEFAULT-VALUE};"
                        + " no temporary file). With --backup and N > 1, the backup is downloaded to a private"
                        + " temporary file (in TMPDIR) for pg_restore -j N, and deleted afterwards.")
        int jobs;

        @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation after the plan.")
        boolean yes;

        @Option(names = {"-f", "--force"},
                description = "Copy into a non-empty target: Postgres drops what is there (listed first);"
                        + " Redis replaces keys with the same name.")
        boolean force;

        @Option(names = "--resume", description = "Postgres: finish the interrupted run of this source and target (recorded in"
                + " the .ferry/data folder).")
        boolean resume;

        @Option(names = "--json", description = "Print the result as JSON on stdout.")
        boolean json;

        private final CliContext context;

        Migrate(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            checkOptions();
            ConsoleEvents events = new ConsoleEvents(context, common.debug);
            try (PrompterHolder prompts = new PrompterHolder(context, context.interactive(common));
                 DataHeroku heroku = from == Origin.heroku ? new DataHeroku(context, prompts, events, app) : null) {
                if (to != null && !TargetResolvers.names().contains(to)) {
                    Provider provider = Providers.create(to, context.env(), ProviderChoice.settings(stack, null, null));
                    Optional<InNetworkMove> remote = provider.inNetworkMove();
                    if (remote.isPresent()) {
                        DataInNetwork.checkOptions(this);
                        return new DataInNetwork(this, context, prompts, events, heroku).run(provider, remote.get(),
                                kind());
                    }
                }
                if (rollback) {
                    return new DataRollback(context, prompts, events, heroku, stateDir(), yes)
                            .run(to == null && toUrl == null ? null : kind -> target(kind, events));
                }
                DataKind kind = kind();
                DataEndpoint target = target(kind, events);
                if (backup) {
                    return new DataBackupRestore(this, context, prompts, events, heroku).run(target);
                }
                return move(prompts, events, heroku, target);
            }
        }

        /** A live copy: the source is a database (a URL, or a Heroku attachment's URL read live). */
        private int move(PrompterHolder prompts, ConsoleEvents events, DataHeroku heroku, DataEndpoint target) {
            AttachmentName chosen = attachment != null ? attachmentName() : AttachmentName.defaultFor(target.url());
            DataEndpoint source = heroku != null ? heroku.liveSource(chosen)
                    : SourceResolver.ofUrl(DataTargets.urlText(context, fromUrl, "--from-url"), "--from-url",
                    context.env()).resolve();
            DataMover mover = mover(source, target);
            DataOutput output = new DataOutput(context, common, json);
            MoveRequest request = new MoveRequest(source, target, jobs, force, resume, stateDir());
            MovePlan plan = mover.plan(request);
            output.plan(plan);
            HerokuWindow window = maintenance ? heroku.window(stateDir()) : null;
            if (window != null) {
                output.windowPlan(window.describe(heroku.session()));
            }
            confirm(prompts, plan.request().target().url().place(), !plan.toDrop().isEmpty(), window != null);
            MoveResult result;
            try (InterruptNotice notice = InterruptNotice.during(context.err(),
                    InterruptNotice.message(plan.kind(), false, window != null ? app : null))) {
                if (window != null) {
                    window.open(heroku.session(), resume, plan.kind(), target.url().place(), plan.toDrop().isEmpty());
                    result = window.around(() -> mover.move(plan, output.events()));
                } else {
                    result = mover.move(plan, output.events());
                }
            }
            return output.result(plan, result) ? ExitCodes.OK : ExitCodes.FAILED;
        }

        /** --attachment as given (checked with the options); null when it was not given. */
        AttachmentName attachmentName() {
            return attachment == null ? null : AttachmentName.parse(attachment);
        }

        /** The kind of database, known before any connection: from the source URL or the attachment's name. */
        DataKind kind() {
            if (backup) {
                return DataKind.POSTGRES;
            }
            if (fromUrl != null) {
                ConnectionUrl url = ConnectionUrl.parse(DataTargets.urlText(context, fromUrl, "--from-url"),
                        "--from-url");
                return url.isRedis() ? DataKind.REDIS : DataKind.POSTGRES;
            }
            if (attachment != null && attachmentName().namesRedis()) {
                return DataKind.REDIS;
            }
            return DataKind.POSTGRES;
        }

        DataEndpoint target(DataKind kind, ConsoleEvents events) {
            if (to != null) {
                return DataTargets.fromProvider(context, to, toService, composeFile, kind, events);
            }
            return DataTargets.fromUrl(context, toUrl);
        }

        Path stateDir() {
            return context.workDir().resolve(".ferry/data");
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
                        : "Postgres") + " database cannot be copied into the " + (to != null ? "--to " + to + " target" : "--to-url")
                        + " of another kind",
                        "give --attachment of the target's kind (DATABASE for postgres://, REDIS for redis://)");
            }
            throw FerryException.badInput("--from-url and --to-url must be the same kind of database",
                    "give two postgres:// URLs or two redis:// / rediss:// URLs");
        }

        /** Every combination is checked here, before anything is read or asked. */
        private void checkOptions() {
            if (jobs < 1) {
                throw FerryException.badInput("--jobs must be 1 or more", "e.g. --jobs 4");
            }
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
            if (from == null && (app != null || attachment != null || backup || maintenance || rollback)) {
                String option = app != null ? "--app" : attachment != null ? "--attachment" : backup ? "--backup"
                        : maintenance ? "--maintenance" : "--rollback";
                throw FerryException.badInput(option + " applies to --from heroku only",
                        "drop it, or replace --from-url with --from heroku --app NAME");
            }
            attachmentName(); // a malformed --attachment is refused here, before any request
            if (to != null && toUrl != null) {
                throw FerryException.badInput("--to and --to-url both name a target; give one",
                        "--to local for the local deployment's database, or --to-url URL");
            }
            if (to == null && toUrl == null && !rollback) {
                throw FerryException.badInput("no target: give --to-url URL or --to local",
                        "e.g. --to local (the Postgres service of ./compose.yaml, as `ferry compose up` runs it)");
            }
            if (stack != null && to == null) {
                throw FerryException.badInput("--stack applies to --to only", "e.g. --to aws --stack production");
            }
            if (toService != null && to == null) {
                throw FerryException.badInput("--to-service applies to --to only", "e.g. --to local --to-service db");
            }
            if (rollback && (resume || backup || force)) {
                throw FerryException.badInput("--rollback undoes a run; it takes no " + (resume ? "--resume" : backup
                        ? "--backup" : "--force"), "run ferry data migrate --from heroku --app NAME --rollback");
            }
            if (backup && resume) {
                throw FerryException.badInput("--backup restores a new backup each run: --resume does not apply",
                        "drop --resume (run again: a new backup is captured)");
            }
            if (backup && attachment != null && attachmentName().namesRedis()) {
                throw FerryException.badInput("--backup: Heroku backs up Postgres only",
                        "drop --backup to copy Redis live");
            }
        }

        /** The one question before anything is written; without a terminal, --yes is required. */
        void confirm(PrompterHolder prompts, String place, boolean drops, boolean window) {
            if (yes) {
                return;
            }
            if (!prompts.allowed()) {
                throw FerryException.badInput("ferry data migrate writes to " + place
                        + (window ? " and changes the Heroku app " + app : "") + " and needs a confirmation",
                        "review the plan above, then run again with --yes");
            }
            String question = (drops ? "Drop what is listed above from " + place + " and copy?"
                    : "Copy into " + place + "?");
            if (window) {
                question = "Put " + app + " in maintenance, " + question.substring(0, 1).toLowerCase(Locale.ROOT)
                        + question.substring(1);
            }
            if (!prompts.get().confirm(question, false)) {
                throw new PromptCancelledException();
            }
        }
    }
}
