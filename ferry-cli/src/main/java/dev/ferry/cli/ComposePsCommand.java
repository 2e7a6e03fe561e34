package dev.ferry.cli;

import dev.ferry.provider.ComposeSession;
import dev.ferry.provider.ServiceStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ferry compose ps}: a table of services, state, health, ports, image. */
@Command(name = "ps", mixinStandardHelpOptions = true, description = "List the project's services with state, health, ports and image.")
final class ComposePsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ComposeOptions compose;

    private final CliContext context;

    ComposePsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ComposeSession session = compose.open(context);
        List<ServiceStatus> statuses = session.provider().ps(session.compose());
        String format = "%-12s %-28s %-12s %-10s %-28s %s%n";
        context.out().printf(format, "SERVICE", "NAME", "STATE", "HEALTH", "PORTS", "IMAGE");
        for (ServiceStatus s : statuses) {
            context.out().printf(format, s.service(), s.instance(), s.state(), s.health().isEmpty() ? "-" : s.health(),
                    s.ports().isEmpty() ? "-" : String.join(",", s.ports()), s.image());
        }
        return ExitCodes.OK;
    }
}
