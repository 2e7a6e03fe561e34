package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {

    @TempDir
    Path dir;
    private Path compose;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void app() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"engines\":{\"node\":\"20.x\"}}");
        Files.writeString(dir.resolve("Procfile"), "web: node server.js\n");
        compose = dir.resolve("compose.yaml");
        Files.writeString(compose, "services:\n  web:\n    build: .\n  redis:\n    image: redis:7\n");
    }

    private int ferry(String... args) {
        out.reset();
        err.reset();
        return FerryCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void buildPlan_service_dockerfileOnStdoutWhyOnStderr() {
        assertThat(ferry("build", "plan", "web", "-f", compose.toString())).isZero();
        assertThat(out()).startsWith("# Written by ferry for service \"web\"").contains("FROM node:20-slim")
                .contains("\nCMD node server.js\n");
        assertThat(err()).contains("web: nodejs 20 (package.json engines.node \"20.x\"), detected from package.json")
                .contains("warning: node-no-lockfile: ");
    }

    @Test
    void buildPlanEject_twice_secondRefusedThenForced() throws Exception {
        assertThat(ferry("build", "plan", "web", "-f", compose.toString(), "--eject")).isZero();
        Path dockerfile = dir.resolve("Dockerfile");
        assertThat(out().strip()).isEqualTo(dockerfile.toString());
        assertThat(Files.readString(dockerfile)).contains("FROM node:20-slim");

        assertThat(ferry("build", "plan", "web", "-f", compose.toString(), "--eject")).isEqualTo(2);
        assertThat(err()).contains("already exists").contains("--force");

        assertThat(ferry("build", "plan", "web", "-f", compose.toString(), "--eject", "--force")).isZero();
    }

    @Test
    void buildPlan_serviceWithoutBuild_exit2WithoutStackTrace() {
        assertThat(ferry("build", "plan", "redis", "-f", compose.toString())).isEqualTo(2);
        assertThat(err()).startsWith("ferry: " + compose + ": no service \"redis\" with build:")
                .contains("services built from source: web").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out()).isEmpty();
    }

    @Test
    void build_unknownPullPolicy_exit2() {
        assertThat(ferry("build", "--pull", "sometimes", "-f", compose.toString())).isEqualTo(2);
        assertThat(err()).contains("--pull sometimes is not a pull policy");
    }

    @Test
    void buildPlan_missingComposeFile_exit2SuggestsInit() {
        assertThat(ferry("build", "plan", "web", "-f", dir.resolve("none.yaml").toString())).isEqualTo(2);
        assertThat(err()).contains("no such compose file").contains("ferry init");
    }
}
