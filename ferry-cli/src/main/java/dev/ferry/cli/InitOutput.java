package dev.ferry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.Finding;
import dev.ferry.compose.ComposeService;
import dev.ferry.compose.MigrationReportWriter;
import dev.ferry.init.InitResult;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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
        context.out().println("To deploy this project, run");
        context.out().println();
        boolean defaultName = composeFile.getFileName().toString().equals("compose.yaml")
                && composeFile.getParent().equals(context.workDir());
        context.out().println("  ferry compose up" + (defaultName ? "" : " -f " + shown(composeFile)));
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
