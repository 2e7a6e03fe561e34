package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.provider.local.LocalConfigStore;
import dev.ferry.testing.Schemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeConfigCommandTest {

    @TempDir
    Path dir;

    private CliRunner cli() {
        return new CliRunner(dir).env(Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString(), "TAG", "1.2"));
    }

    @Test
    void config_resolvesAndValidates_storeValuesNeverShown() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: "app:${TAG}"
                    ports: ["5000:5000"]
                    environment:
                      DATABASE_URL: postgres://u:${DB_PASSWORD}@db/app
                      DB_PASSWORD:
                """);
        LocalConfigStore.forProject(dir, Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString()))
                .set("DB_PASSWORD", "store-only-secret");
        CliRunner.Run run = cli().run("compose", "config");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("image: \"app:1.2\"", "DB_PASSWORD:\n", "postgres://u:${DB_PASSWORD}@db/app")
                .startsWith("name: ");
        assertThat(run.all()).doesNotContain("store-only-secret");
        assertThat(run.err()).contains("warning [healthcheck-missing] service web (compose.yaml:2)");
        assertThat(Schemas.composeErrors(run.out())).isEmpty();
    }

    @Test
    void config_json_printsTheProject() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n");
        CliRunner.Run run = cli().run("compose", "config", "--json");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("\"services\"", "\"image\" : \"nginx\"");
    }

    @Test
    void config_badKey_oneLineWithFileLineAndFix_exit2() throws IOException {
        Files.writeString(dir.resolve("stack.yaml"), "services:\n  web:\n    image: nginx\n    imagee: typo\n");
        CliRunner.Run run = cli().run("compose", "config", "-f", "stack.yaml");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("ferry: stack.yaml:4: services.web.imagee: ");
        assertThat(run.err().lines()).hasSize(1).noneMatch(l -> l.contains("at dev.ferry"));
        assertThat(run.err()).contains("; fix it as the Compose Specification says");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void config_missingFile_exit2() {
        CliRunner.Run run = cli().run("compose", "config");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("ferry: compose.yaml: no such compose file");
    }

    @Test
    void up_unknownProvider_exit2ListingTheKnownOnes() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n");
        CliRunner.Run run = cli().run("compose", "up", "--provider", "mars");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("unknown provider \"mars\"", "choose one of: local");
    }

    @Test
    void up_missingConfigValue_refusesBeforeTouchingAnEngine() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"),
                "services:\n  web:\n    image: nginx\n    environment:\n      API_TOKEN:\n      DB_PASSWORD:\n");
        // PATH without any engine: the refusal must come first
        CliRunner.Run run = new CliRunner(dir).env(Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString(), "PATH", "/nonexistent"))
                .run("compose", "up");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("ferry: no value in the config store for API_TOKEN, DB_PASSWORD");
    }
}
