package dev.ferry.cli;

import dev.ferry.provider.ComposeSession;
import dev.ferry.provider.LogOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ferry tail}: follow the deployment as Defang's tail does. On aws, while a deploy is changing the app stack,
 * its CloudFormation events come first; then the services' logs, followed until Ctrl-C. Locally it is
 * {@code compose logs --follow}.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Follow the deployment: a deploy's progress while one runs (aws), then the services' logs, until Ctrl-C.",
                "  ferry tail --provider aws            (every service, from 10 minutes back)",
                "  ferry tail web --since 1h --provider aws"})
final class TailCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ComposeOptions compose;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services (default: all).")
    List<String> services = new ArrayList<>();

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Start with lines since then: 10m, 1h, or a timestamp (default: 10m on aws, all locally).")
    String since;

    @Option(names = {"-n", "--tail"}, paramLabel = "LINES", defaultValue = "-1",
            description = "Start with the last LINES of each service (default: all since --since).")
    int tail;

    private final CliContext context;

    TailCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ComposeSession session = compose.open(context);
        LogOptions options = new LogOptions(services, true, tail, since);
        ComposeEvents events = new ComposeEvents(context.out(), false, common.debug);
        session.provider().tail(session.compose(), options, events);
        return ExitCodes.OK;
    }
}
