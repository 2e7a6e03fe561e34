package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's input checks, before any database is reached. */
class DataCommandTest {

    @TempDir
    Path dir;

    @Test
    void migrate_mixedKinds_exit2NamingBothOptions() {
        CliRunner.Run run = new CliRunner(dir).run("data", "migrate", "--from-url", "postgres://u:pw1@h/db",
                "--to-url", "redis://:pw2@h:6379", "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--from-url and --to-url must be the same kind").doesNotContain("pw1", "pw2");
    }

    @Test
    void migrate_envUrlNotSet_exit2NamingTheVariable() {
        CliRunner.Run run = new CliRunner(dir).run("data", "migrate", "--from-url", "env:HEROKU_DATABASE_URL",
                "--to-url", "postgres://localhost/db", "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the environment variable HEROKU_DATABASE_URL is not set");
    }

    @Test
    void migrate_notAUrl_exit2WithoutEchoingIt() {
        CliRunner.Run run = new CliRunner(dir).env(Map.of("SRC", "mysql://root:hunter2@db/x"))
                .run("data", "migrate", "--from-url", "env:SRC", "--to-url", "postgres://localhost/db", "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--from-url: expected a postgres://").doesNotContain("hunter2");
    }

    @Test
    void migrate_zeroJobs_exit2() {
        CliRunner.Run run = new CliRunner(dir).run("data", "migrate", "--from-url", "postgres://h/a",
                "--to-url", "postgres://h/b", "--jobs", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--jobs must be 1 or more");
    }
}
