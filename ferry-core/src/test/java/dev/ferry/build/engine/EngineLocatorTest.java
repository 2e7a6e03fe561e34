package dev.ferry.build.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineLocatorTest {

    @TempDir
    Path bin;

    @Test
    void locate_noEngineOnPath_environmentErrorWithEachReason() {
        assertThatThrownBy(() -> new EngineLocator(Map.of("PATH", bin.toString())).locate())
                .isInstanceOfSatisfying(FerryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
                    assertThat(e.getMessage()).contains("podman: not installed").contains("docker: not installed");
                    assertThat(e.hint()).contains("Podman or Docker");
                });
    }

    @Test
    void locate_engineThatFails_reasonQuotesItsLastLine() throws Exception {
        Path docker = bin.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\necho 'Cannot connect to the Docker daemon' >&2\nexit 1\n");
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> new EngineLocator(Map.of("PATH", bin.toString(), "FERRY_ENGINE", "docker")).locate())
                .isInstanceOfSatisfying(FerryException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("no container engine to build with (docker: not running (Cannot connect to the"
                                + " Docker daemon))"));
    }

    @Test
    void locate_engineThatAnswers_thatEngineWithEnvironment() throws Exception {
        Path podman = bin.resolve("podman");
        Files.writeString(podman, "#!/bin/sh\necho linux\n");
        Files.setPosixFilePermissions(podman, PosixFilePermissions.fromString("rwxr-xr-x"));
        Engine engine = new EngineLocator(Map.of("PATH", bin.toString(), "CONTAINER_HOST", "unix:///x.sock")).locate();
        assertThat(engine.kind()).isEqualTo(Engine.Kind.PODMAN);
        assertThat(engine.environment()).containsEntry("CONTAINER_HOST", "unix:///x.sock");
    }

    @Test
    void order_dockerHostSet_dockerFirst() {
        assertThat(new EngineLocator(Map.of("DOCKER_HOST", "unix:///run/podman/podman.sock")).order())
                .containsExactly(Engine.Kind.DOCKER, Engine.Kind.PODMAN);
        assertThat(new EngineLocator(Map.of()).order()).containsExactly(Engine.Kind.PODMAN, Engine.Kind.DOCKER);
        assertThat(new EngineLocator(Map.of("FERRY_ENGINE", "podman", "DOCKER_HOST", "tcp://x:2375")).order())
                .isEqualTo(List.of(Engine.Kind.PODMAN));
    }
}
