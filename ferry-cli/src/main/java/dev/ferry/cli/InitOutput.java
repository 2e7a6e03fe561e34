package dev.ferry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.Finding;
import dev.ferry.compose.ComposeService;
import dev.ferry.compose.MigrationReport;
import dev.ferry.compose.MigrationReportWriter;
import dev.ferry.init.InitResult;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shows what init produced: the tutorial's closing lines and the report on a terminal, or JSON with --json. */
final class InitOutput {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CliContext context;
    private final ConsoleEvents events;
    private final boolean json;

    InitOutput(CliContext context, ConsoleEvents events, boolean json) {
        this.context = context;
        this.events = events;
        this.json = json;
    }

    void render(InitResult result, Path composeFile) {
        events.step("Compose file written to " + shown(result.composeFile()));
        events.step("Migration report written to " + shown(result.reportFile()));
        if (result.snapshotFile() != null) {
            events.step("Snapshot saved to " + shown(result.snapshotFile())
                    + " (replay offline with: ferry init --from snapshot " + shown(result.snapshotFile()) + ")");
        }
        if (json) {
            context.out().println(toJson(result));
            return;
        }
        context.out().println();
        context.out().print(MigrationReportWriter.text(result.mapping().report()));
        context.out().println();
        context.out().println("Check the files in your favorite editor.");
        boolean defaultName = composeFile.getFileName().toString().equals("compose.yaml")
                && composeFile.getParent().equals(context.workDir());
        String file = defaultName ? "" : " -f " + shown(composeFile);
        List<String> needed = neededValues(result.mapping().report());
        if (!needed.isEmpty()) {
            // compose up refuses until these have values: say so now rather than at the first deploy
            context.out().println("Give the bare entries their values first (names only are ever shown):");
            context.out().println();
            for (String name : needed) {
                context.out().println("  ferry config set " + name + file);
            }
            if (result.snapshot().heroku() != null) {
                context.out().println("  (the app's own secrets can be copied from Heroku instead:"
                        + " ferry config import --from heroku --app " + result.snapshot().appName() + file + ")");
            }
            context.out().println();
        }
        context.out().println("To deploy this project, run");
        context.out().println();
        context.out().println("  ferry compose up" + file);
    }

    /** Config the target's store must supply: secrets kept bare, then the ones ferry introduces. */
    private static List<String> neededValues(MigrationReport report) {
        List<String> names = new ArrayList<>();
        for (MigrationReport.ConfigVarLine line : report.configVars()) {
            if (line.outcome() == MigrationReport.Outcome.NEEDS_VALUE) {
                names.add(line.name());
            }
        }
        names.addAll(report.newSecrets());
        return names;
    }

    private String toJson(InitResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("app", result.snapshot().appName());
        root.put("composeFile", result.composeFile().toString());
        root.put("reportFile", result.reportFile().toString());
        root.put("snapshotFile", result.snapshotFile() == null ? null : result.snapshotFile().toString());
        ArrayNode services = root.putArray("services");
        for (ComposeService service : result.mapping().project().services()) {
            services.add(service.name());
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : result.mapping().findings()) {
            findings.addObject().put("code", finding.code()).put("severity", finding.severity().name().toLowerCase())
                    .put("subject", finding.subject()).put("message", finding.message());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String shown(Path path) {
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(context.workDir()) ? context.workDir().relativize(absolute).toString()
                : absolute.toString();
    }
}
