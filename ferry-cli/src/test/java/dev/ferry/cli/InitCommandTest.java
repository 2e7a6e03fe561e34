package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.heroku.testing.FakeHerokuApi;
import dev.ferry.heroku.testing.Fault;
import dev.ferry.testing.Schemas;
import dev.ferry.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InitCommandTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "vast-badlands-production.snapshot.json");
    private static final Path GOLDEN_COMPOSE = Path.of("..", "ferry-core", "src", "test", "resources", "golden",
            "tutorial-vast-badlands", "expected", "compose.yaml");

    @TempDir
    Path dir;

    private CliRunner cli() {
        return new CliRunner(dir);
    }

    @Test
    void fromSnapshot_bundledExample_writesTheGoldenComposeAndReport() throws IOException {
        CliRunner.Run run = cli().run("init", "--from", "snapshot", EXAMPLE.toAbsolutePath().toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        String compose = Files.readString(dir.resolve("compose.yaml"));
        assertThat(compose).isEqualTo(Files.readString(GOLDEN_COMPOSE));
        assertThat(Schemas.composeErrors(compose)).isEmpty();
        assertThat(dir.resolve("ferry-migration.md")).exists();
        assertThat(run.err()).contains(" * Generating compose file...", " * Compose file written to compose.yaml");
        assertThat(run.out()).contains("SECRET_KEY_BASE", "To deploy this project, run", "  ferry compose up")
                .contains("  ferry config set SECRET_KEY_BASE\n", "  ferry config set POSTGRES_PASSWORD\n");
    }

    @Test
    void fromHeroku_fakeApi_sameComposeAsTheBundledSnapshot_andSnapshotSavedWithoutSecrets() throws IOException {
        try (FakeHerokuApi heroku = FakeHerokuApi.start().withApp("vast-badlands-production")) {
            CliRunner.Run run = cli().env(heroku.environment())
                    .run("init", "--from", "heroku", "--app", "vast-badlands-production");

            assertThat(run.exitCode()).as(run.all()).isZero();
            Path snapshot = dir.resolve(".ferry/heroku/vast-badlands-production.json");
            if (Boolean.getBoolean("ferry.golden.update")) {
                Files.copy(snapshot, EXAMPLE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(heroku.violations()).isEmpty();
            assertThat(Files.readString(dir.resolve("compose.yaml"))).isEqualTo(Files.readString(GOLDEN_COMPOSE));
            assertThat(Files.readString(snapshot)).isEqualTo(Files.readString(EXAMPLE));
            assertThat(run.err()).contains("Collecting information about \"vast-badlands-production\"...");
            assertNoSecretAnywhere(run, heroku.token());
        }
    }

    @Test
    void fromHeroku_interactive_picksOriginAndAppFromLists() throws IOException {
        try (FakeHerokuApi heroku = FakeHerokuApi.start().withApp("vast-badlands-staging")
                .withApp("vast-badlands-production")) {
            ScriptedPrompter prompter = new ScriptedPrompter(List.of("Migrate from Heroku", "vast-badlands-production"));
            CliRunner.Run run = cli().env(heroku.environment()).atTerminal(() -> prompter).run("init");

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(prompter.questions()).containsExactly("How would you like to start?",
                    "Select the Heroku application to use as a source:");
            assertThat(prompter.choicesOffered().get(1)).containsExactly("vast-badlands-production",
                    "vast-badlands-staging");
            assertThat(dir.resolve("compose.yaml")).exists();
        }
    }

    @Test
    void fromHeroku_interactiveOnAJLineTerminal_keystrokesPickTheApp() throws Exception {
        // Enter takes "Migrate from Heroku"; typing "prod" filters the app list; Enter takes the match
        TestTerminal person = new TestTerminal().typing("How would you like to start?", "\r",
                "Select the Heroku application", "prod", "vast-badlands-production", "\r");
        try (FakeHerokuApi heroku = FakeHerokuApi.start().withApp("vast-badlands-staging")
                .withApp("vast-badlands-production")) {
            CliRunner.Run run = cli().env(heroku.environment())
                    .atTerminal(() -> new JLinePrompter(person.terminal(), false)).run("init");

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(dir.resolve(".ferry/heroku/vast-badlands-production.json")).exists();
            assertThat(person.screen())
                    .contains("? How would you like to start?", "> Migrate from Heroku",
                            "? Select the Heroku application to use as a source:", "vast-badlands-staging");
        }
    }

    @Test
    void existingCompose_withoutForce_refusedBeforeAnyRequest_fileUntouched() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "mine\n");
        try (FakeHerokuApi heroku = FakeHerokuApi.start().withApp("vast-badlands-production")) {
            CliRunner.Run run = cli().env(heroku.environment())
                    .run("init", "--from", "heroku", "--app", "vast-badlands-production");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("compose.yaml already exists", "--force");
            assertThat(heroku.requestCount()).isZero();
        }
        assertThat(Files.readString(dir.resolve("compose.yaml"))).isEqualTo("mine\n");
    }

    @Test
    void existingCompose_withForce_replaced() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "mine\n");
        CliRunner.Run run = cli().run("init", "--from", "snapshot", EXAMPLE.toAbsolutePath().toString(), "--force");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(Files.readString(dir.resolve("compose.yaml"))).contains("x-defang-postgres");
    }

    @Test
    void existingCompose_interactiveNo_keepsIt() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "mine\n");
        ScriptedPrompter prompter = new ScriptedPrompter(List.of("no"));
        CliRunner.Run run = cli().atTerminal(() -> prompter)
                .run("init", "--from", "snapshot", EXAMPLE.toAbsolutePath().toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(prompter.questions()).containsExactly("compose.yaml already exists. Overwrite?");
        assertThat(Files.readString(dir.resolve("compose.yaml"))).isEqualTo("mine\n");
    }

    @Test
    void nonInteractive_noOrigin_exit2WithUsageHint() {
        CliRunner.Run run = cli().run("init");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--from heroku --app NAME").doesNotContain("Exception");
    }

    @Test
    void ciTrue_atTerminal_stillNonInteractive() {
        CliRunner.Run run = cli().env(java.util.Map.of("CI", "true")).atTerminal(() -> {
            throw new AssertionError("prompted under CI");
        }).run("init");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void malformedSnapshot_exit2_oneLineNamingFileAndLine_nothingWritten() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"formatVersion\": 1,\n  \"appName\": \n}\n");
        CliRunner.Run run = cli().run("init", "--from", "snapshot", "bad.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad.json:4").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(dir.resolve("compose.yaml")).doesNotExist();
    }

    @Test
    void malformedProcfile_exit2_namesFileAndLine_nothingWritten() throws IOException {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("Procfile"), "web: node server.js\nthis is not a process\n");
        CliRunner.Run run = cli().run("init", "--from", "source", "app");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Procfile:2").doesNotContain("\tat ");
        assertThat(dir.resolve("compose.yaml")).doesNotExist();
    }

    @Test
    void debug_showsTheStackTrace() throws IOException {
        Files.writeString(dir.resolve("bad.json"), "nope");
        CliRunner.Run run = cli().run("init", "--from", "snapshot", "bad.json", "--debug");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("\tat ");
    }

    @Test
    void unknownApp_exit2_namesTheApp() {
        try (FakeHerokuApi heroku = FakeHerokuApi.start().withApp("vast-badlands-production")) {
            CliRunner.Run run = cli().env(heroku.environment()).run("init", "--from", "heroku", "--app", "no-such-app");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("no-such-app").doesNotContain("\tat ");
            assertThat(dir.resolve("compose.yaml")).doesNotExist();
        }
    }

    @Test
    void rejectedToken_exit3_saysWhatToDo() {
        try (FakeHerokuApi heroku = FakeHerokuApi.start().withApp("vast-badlands-production")) {
            heroku.fail(Fault.unauthorized());
            CliRunner.Run run = cli().env(heroku.environment())
                    .run("init", "--from", "heroku", "--app", "vast-badlands-production");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
            assertThat(run.err()).contains("heroku login");
            assertNoSecretAnywhere(run, heroku.token());
        }
    }

    @Test
    void json_printsMachineReadableResult() {
        CliRunner.Run run = cli().run("init", "--from", "snapshot", EXAMPLE.toAbsolutePath().toString(), "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"services\"", "\"web\"", "\"release\"", "\"postgres\"")
                .doesNotContain("To deploy this project");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Docker-Rails-Template", "go-getting-started", "java-getting-started",
            "node-workers-example", "php-getting-started", "php-worker-demo", "python-getting-started",
            "ruby-getting-started", "scala-getting-started"})
    void fromSource_everySampleApp_validComposeWithItsProcesses(String sample) throws IOException {
        Path app = SharedData.sampleApp(sample).toAbsolutePath();
        CliRunner.Run run = cli().run("init", "--from", "source", app.toString(), "--json");

        assertThat(run.exitCode()).as(run.all()).isZero();
        String compose = Files.readString(dir.resolve("compose.yaml"));
        assertThat(Schemas.composeErrors(compose)).isEmpty();
        for (String process : procfileTypes(app)) {
            assertThat(compose).contains("\n  " + process.toLowerCase().replace('_', '-') + ":\n");
        }
    }

    @Test
    void help_and_version_exit0() {
        assertThat(cli().run("--version").out()).startsWith("ferry ");
        CliRunner.Run help = cli().run("init", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--from", "--app", "--source", "--out", "--force", "--non-interactive");
    }

    private static List<String> procfileTypes(Path app) throws IOException {
        Path procfile = app.resolve("Procfile");
        if (!Files.exists(procfile)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(procfile)) {
            return lines.map(String::trim).filter(l -> !l.startsWith("#") && l.contains(":"))
                    .map(l -> l.substring(0, l.indexOf(':'))).toList();
        }
    }

    /** No token and no secret fixture value in any output or any file written. */
    private void assertNoSecretAnywhere(CliRunner.Run run, String token) {
        assertThat(run.all()).doesNotContain(token);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                assertThat(text).as(file.toString()).doesNotContain(token);
                assertThat(SecretFixtures.values()).allSatisfy(secret -> assertThat(text).doesNotContain(secret));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(SecretFixtures.values()).isNotEmpty()
                .allSatisfy(secret -> assertThat(run.all()).doesNotContain(secret));
    }
}
