package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageErrorsTest {

    @TempDir
    Path dir;

    @Test
    void unknownOption_oneLineWithTheNearestOptionAndHelp_exit2() {
        CliRunner.Run run = new CliRunner(dir).run("data", "migrate", "--job", "2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).containsExactly(
                "ferry: Unknown options: '--job', '2' (did you mean --jobs?); see `ferry data migrate --help`");
        assertThat(run.all()).doesNotContain("Usage:");
    }

    @Test
    void notANumber_oneLineNamingTheOption_exit2() {
        CliRunner.Run run = new CliRunner(dir).run("data", "migrate", "--jobs", "many");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(
                "ferry: Invalid value for option '--jobs': 'many' is not an int; see `ferry data migrate --help`");
    }

    @Test
    void mistypedSubcommand_suggestsTheRealOne_exit2() {
        CliRunner.Run run = new CliRunner(dir).run("compose", "upp");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("ferry: ").contains("'upp'").contains("did you mean up?")
                .endsWith("see `ferry compose --help`");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}
