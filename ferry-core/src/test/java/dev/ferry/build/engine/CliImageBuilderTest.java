package dev.ferry.build.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.build.BuildRequest;
import dev.ferry.build.PullPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line handed to the engine; the real builds are in EngineBuildIT. */
class CliImageBuilderTest {

    private final BuildRequest request = new BuildRequest("web", Path.of("/src/app"), "FROM x\n",
            List.of("app-web", "app-worker"), PullPolicy.NEVER, false);

    @Test
    void command_podman_pullPolicyLayersAndEveryTag() {
        CliImageBuilder builder = new CliImageBuilder(new Engine(Engine.Kind.PODMAN, Path.of("/usr/bin/podman"), Map.of()));
        assertThat(builder.command(request, Path.of("/tmp/f/Dockerfile"), Path.of("/tmp/f/id")))
                .containsExactly("/usr/bin/podman", "build", "-f", "/tmp/f/Dockerfile", "--iidfile", "/tmp/f/id",
                        "--layers", "--pull=never", "-t", "app-web", "-t", "app-worker", "/src/app");
    }

    @Test
    void command_dockerAlwaysPullNoCache_pullAndNoCacheFlags() {
        CliImageBuilder builder = new CliImageBuilder(new Engine(Engine.Kind.DOCKER, Path.of("/usr/bin/docker"), Map.of()));
        BuildRequest always = new BuildRequest("web", Path.of("/src/app"), "FROM x\n", List.of("t"), PullPolicy.ALWAYS, true);
        assertThat(builder.command(always, Path.of("/d"), Path.of("/i")))
                .containsExactly("/usr/bin/docker", "build", "-f", "/d", "--iidfile", "/i", "--pull", "--no-cache", "-t", "t",
                        "/src/app");
    }
}
