package dev.ferry.cli;

import dev.ferry.provider.ComposeSession;
import dev.ferry.provider.ServiceStatus;
import java.util.ArrayList;
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
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("SERVICE", "NAME", "STATE", "HEALTH", "PORTS", "IMAGE"));
        for (ServiceStatus s : statuses) {
            rows.add(List.of(s.service(), s.instance(), s.state(), s.health().isEmpty() ? "-" : s.health(),
                    s.ports().isEmpty() ? "-" : String.join(",", s.ports()), s.image()));
        }
        printTable(rows);
        return ExitCodes.OK;
    }

    /** Columns as wide as their widest cell (URLs and RDS endpoints are long), two spaces apart; the last unpadded. */
    private void printTable(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        rows.forEach(row -> {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns - 1; i++) {
                line.append(String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            context.out().println(line.append(row.get(columns - 1)));
        }
    }
}
