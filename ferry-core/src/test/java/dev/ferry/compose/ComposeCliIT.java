package dev.ferry.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden compose.yaml through a real Compose implementation's parser: {@code docker-compose config -q}
 * (Debian 12's docker-compose 1.29; `docker compose` v2 is not installable here). Needs no engine. Not a unit
 * test (surefire's default includes skip *IT): run it with
 * {@code mvn -o -pl ferry-core test -Dtest=ComposeCliIT} after {@code apt-get install -y docker-compose}; it fails,
 * never skips, when the tool is missing.
 */
class ComposeCliIT {

    static java.util.stream.Stream<String> cases() throws IOException {
        return GoldenTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void dockerComposeConfig_goldenCompose_accepted(String name, @TempDir Path dir) throws Exception {
        Files.copy(GoldenTest.GOLDEN.resolve(name).resolve("expected/compose.yaml"), dir.resolve("compose.yaml"));
        ProcessBuilder builder = new ProcessBuilder(List.of("docker-compose", "-f", "compose.yaml", "config", "-q"))
                .directory(dir.toFile()).redirectErrorStream(true);
        // the secrets ferry introduces, so that interpolation has values (the target's config store sets them)
        builder.environment().put("POSTGRES_PASSWORD", "test-only");
        builder.environment().put("RABBITMQ_DEFAULT_PASS", "test-only");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("docker-compose finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).as("no warning").isBlank();
    }
}
