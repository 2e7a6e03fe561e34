package dev.ferry.compose;

import dev.ferry.Finding;
import java.util.List;

/**
 * What {@link ComposeMapper#map} produces: the project to write, the report to show and write beside it, and the
 * findings (also in the report) for callers that act on them, e.g. {@code --strict}.
 */
public record MappingResult(ComposeProject project, MigrationReport report, List<Finding> findings) {

    public MappingResult {
        findings = List.copyOf(findings);
    }

    public boolean hasWarnings() {
        return findings.stream().anyMatch(f -> f.severity() == Finding.Severity.WARNING);
    }
}
