package dev.ferry.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.Finding;
import dev.ferry.compose.MigrationReport.AddOnLine;
import dev.ferry.compose.MigrationReport.ConfigVarLine;
import dev.ferry.compose.MigrationReport.Outcome;
import dev.ferry.compose.MigrationReport.ProcessLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationReportWriterTest {

    private static final MigrationReport REPORT = new MigrationReport("my-app", "the Heroku API",
            List.of(new ProcessLine("web", "web", "bin/web | tee log", "Eco ×1", Outcome.MIGRATED, "")),
            List.of(new AddOnLine("scheduler", "sch-1", "standard", null, Outcome.NEEDS_USER, "list the jobs")),
            List.of(new ConfigVarLine("API_TOKEN", Outcome.NEEDS_VALUE, "secret"),
                    new ConfigVarLine("DYNO", Outcome.DROPPED, "set by Heroku")),
            List.of("POSTGRES_PASSWORD"),
            List.of(Finding.warning("scheduler-jobs-unknown", "add-on scheduler", "list them")));

    @Test
    void markdown_report_everyPartWithItsOutcome() {
        String md = MigrationReportWriter.markdown(REPORT);
        assertThat(md).startsWith("# Migration report: my-app\n")
                .contains("| `web` | `web` | Eco ×1 | `bin/web \\| tee log` | migrated |")
                .contains("| `scheduler` | sch-1 | standard |  | needs you | list the jobs |")
                .contains("| `API_TOKEN` | needs a value | secret |", "| `DYNO` | dropped | set by Heroku |")
                .contains("- **WARNING** `scheduler-jobs-unknown` add-on scheduler: list them")
                .contains("`API_TOKEN`.", "`POSTGRES_PASSWORD`.");
    }

    @Test
    void text_report_compactLines() {
        String text = MigrationReportWriter.text(REPORT);
        assertThat(text).startsWith("1 process type(s), 1 add-on(s), 2 config var(s); 1 need(s) a value,"
                        + " 1 warning(s).\n")
                .contains("  process web → web (Eco ×1)\n", "  add-on scheduler: needs you\n",
                        "  config needs a value: API_TOKEN\n", "  config dropped: DYNO\n",
                        "  new secrets to choose: POSTGRES_PASSWORD\n",
                        "  warning [scheduler-jobs-unknown] add-on scheduler: list them\n");
    }

    @Test
    void markdown_emptyReport_saysNone() {
        var empty = new MigrationReport("x", "the source folder", List.of(), List.of(), List.of(), List.of(),
                List.of());
        assertThat(MigrationReportWriter.markdown(empty)).contains("## Add-ons\n\nNone.", "## Findings\n\nNone.",
                "No config var needs a value.");
    }
}
