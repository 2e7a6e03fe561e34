package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.data.testing.PgTestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during `ferry data migrate`, as a user does it: a real SIGINT to a ferry JVM copying between two databases
 * of a real PostgreSQL 15. The user must be told how to go on, and the schema dump (which may hold the source's
 * large objects) must not stay behind in .ferry/data/tmp.
 */
class DataInterruptIT {

    private static PgTestServer postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        postgres = PgTestServer.start("interrupt");
        postgres.createDatabase("big");
        // large enough (about 130 MB of rows) that the copy is still running when the signal arrives
        postgres.execute("big", "CREATE TABLE events (id bigserial PRIMARY KEY, payload text)",
                "INSERT INTO events (payload) SELECT repeat(md5(g::text), 4) FROM generate_series(1, 800000) g",
                "CREATE TABLE docs (id serial PRIMARY KEY, blob oid)",
                "INSERT INTO docs (blob) SELECT lo_from_bytea(0, convert_to('large object ' || g, 'UTF8'))"
                        + " FROM generate_series(1, 5) g",
                "ANALYZE");
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void migrate_ctrlCDuringTheCopy_exit130_saysHowToResume_leavesNoDump_thenResumeVerifies() throws Exception {
        String target = postgres.newDatabase("into");
        Map<String, String> env = Map.of("SOURCE_URL", postgres.url("big"), "TARGET_URL", postgres.url(target));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "data", "migrate", "--from-url", "env:SOURCE_URL", "--to-url", "env:TARGET_URL",
                "--yes").directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        Process child = builder.start();
        StringBuilder err = new StringBuilder();
        CountDownLatch copying = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (err) {
                        err.append(line).append('\n');
                    }
                    if (line.startsWith(" * copying ")) {
                        copying.countDown();
                    }
                }
            } catch (java.io.IOException ended) {
                // the child is gone
            }
        });
        reader.start();
        try {
            assertThat(copying.await(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)).as(err::toString).isTrue();
            assertThat(dumpFolders()).as("the schema dump exists while the rows copy").isNotEmpty();
            // Ctrl-C: SIGINT to the JVM, which runs its shutdown hooks and exits with 130
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor()).isZero();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
        } finally {
            child.destroyForcibly();
        }

        String output;
        synchronized (err) {
            output = err.toString();
        }
        assertThat(child.exitValue()).as(output).isEqualTo(130);
        assertThat(output).as("the copy was interrupted, not finished").doesNotContain(" * Verified: ")
                .contains("ferry: interrupted; the copy is recorded in .ferry/data: run the same command with"
                        + " --resume to finish it, or with --force to start over")
                .doesNotContain("Heroku").doesNotContain(PgTestServer.PASSWORD);
        assertThat(dumpFolders()).as("no schema dump left behind").isEmpty();

        CliRunner.Run resumed = new CliRunner(dir).env(env).run("data", "migrate", "--from-url", "env:SOURCE_URL",
                "--to-url", "env:TARGET_URL", "--yes", "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains(" * Verified: ").doesNotContain("interrupted;");
        assertThat(dumpFolders()).isEmpty();
    }

    private List<Path> dumpFolders() throws Exception {
        Path tmp = dir.resolve(".ferry/data/tmp");
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("ferry-pgdump-")).toList();
        }
    }
}
