package dev.ferry.cli;

import dev.ferry.build.PullPolicy;
import dev.ferry.provider.ComposeSession;
import dev.ferry.provider.UpOptions;
import dev.ferry.provider.UpResult;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ferry compose up}: build, run the release, start the services, wait until healthy, print the endpoints. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Build and start the project; a second run changes only what changed.",
                "Run-once services (restart: \"no\", e.g. the release) run to completion first; if one fails,",
                "nothing that waits for it starts and ferry exits 1 with its logs."})
final class ComposeUpCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ComposeOptions compose;

    @Option(names = "--pull", paramLabel = "POLICY", defaultValue = "missing",
            description = "Pull images: missing, never, always (default: ${DEFAULT-VALUE}).")
    String pull;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "How long to wait for a service to become healthy or a run-once service to finish (default: ${DEFAULT-VALUE}).")
    long waitSeconds;

    @Option(names = "--dry-run",
            description = "Print what the provider would deploy (aws: the CloudFormation template) and the plan; change nothing.")
    boolean dryRun;

    private final CliContext context;

    ComposeUpCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PullPolicy policy = PullOption.parse(pull);
        ComposeSession session = compose.open(context);
        ComposeEvents events = new ComposeEvents(context.err(), context.terminalAttached() && !common.noColor, common.debug);
        events.findings(session.compose().findings());
        if (dryRun) {
            return ComposePlanCommand.dryRun(context, session, events);
        }
        try {
            UpResult result = session.provider().up(session.compose(),
                    new UpOptions(policy, Duration.ofSeconds(waitSeconds)), events);
            events.finish();
            for (UpResult.Endpoint endpoint : result.endpoints()) {
                context.out().println(endpoint.service() + ": " + endpoint.url());
            }
        } finally {
            events.finish();
        }
        return ExitCodes.OK;
    }

    /** --pull's values. */
    static final class PullOption {
        static PullPolicy parse(String value) {
            try {
                return PullPolicy.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw dev.ferry.FerryException.badInput("--pull " + value + " is not a pull policy", "use missing, never or always");
            }
        }
    }
}
