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

/** {@code ferry compose logs}: the services' output, each line prefixed with its service. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Show the services' logs.")
final class ComposeLogsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ComposeOptions compose;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services (default: all).")
    List<String> services = new ArrayList<>();

    @Option(names = "--follow", description = "Keep printing new lines (Ctrl-C to stop).")
    boolean follow;

    @Option(names = {"-n", "--tail"}, paramLabel = "LINES", defaultValue = "-1",
            description = "The last LINES of each container (default: all).")
    int tail;

    @Option(names = "--since", paramLabel = "WHEN", description = "Only lines since then: 10m, 1h, or a timestamp.")
    String since;

    private final CliContext context;

    ComposeLogsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ComposeSession session = compose.open(context);
        session.provider().logs(session.compose(), new LogOptions(services, follow, tail, since),
                new ComposeEvents(context.out(), false, common.debug));
        return ExitCodes.OK;
    }
}
