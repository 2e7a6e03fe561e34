package dev.ferry.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import dev.ferry.event.EventSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflow without an engine: a builder that records what it was asked to build. */
class ServiceBuildsTest {

    @TempDir
    Path dir;
    private Path compose;
    private final List<BuildRequest> requests = new ArrayList<>();
    private ServiceBuilds builds;

    @BeforeEach
    void app() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"scripts\":{\"start\":\"node index.js\"}}");
        Files.createDirectories(dir.resolve("admin"));
        Files.writeString(dir.resolve("admin/Dockerfile"), "FROM nginx:stable\n");
        compose = dir.resolve("compose.yaml");
        Files.writeString(compose, """
                services:
                  web:
                    build: {context: "."}
                  worker:
                    build: {context: "."}
                  admin:
                    build: ./admin
                """);
        builds = new ServiceBuilds(new BuildPlanner(), () -> (request, events) -> {
            requests.add(request);
            return new BuiltImage(request.tags(), "sha256:0123", Duration.ZERO);
        });
    }

    @Test
    void build_servicesSharingContext_oneImageWithEveryTag() {
        List<BuiltImage> built = builds.build(compose, List.of(), PullPolicy.NEVER, EventSink.NONE);
        assertThat(built).hasSize(2);
        String project = dir.getFileName().toString().toLowerCase().replaceAll("[^a-z0-9_-]", "");
        assertThat(requests.get(0).tags()).containsExactly(project + "-web", project + "-worker");
        assertThat(requests.get(0).label()).isEqualTo("web,worker");
        assertThat(requests.get(0).dockerfile()).startsWith("# Written by ferry for service \"web\"");
        assertThat(requests.get(0).pull()).isEqualTo(PullPolicy.NEVER);
    }

    @Test
    void build_serviceWithOwnDockerfile_buildsTheUsersText() {
        builds.build(compose, List.of("admin"), PullPolicy.MISSING, EventSink.NONE);
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.dockerfile()).isEqualTo("FROM nginx:stable\n");
            assertThat(r.context()).isEqualTo(dir.resolve("admin").toAbsolutePath());
        });
    }

    @Test
    void plan_serviceWithOwnDockerfile_badInputSayingSo() {
        assertThatThrownBy(() -> builds.plan(compose, "admin")).isInstanceOfSatisfying(FerryException.class,
                e -> assertThat(e.getMessage()).contains("builds from its own Dockerfile"));
    }

    @Test
    void eject_thenEjectAgain_secondRefusedUnlessForced() throws Exception {
        String planned = builds.plan(compose, "web").dockerfile();
        Path written = builds.eject(compose, "web", false);
        assertThat(written).isEqualTo(dir.resolve("Dockerfile").toAbsolutePath());
        assertThat(Files.readString(written)).isEqualTo(planned);
        assertThatThrownBy(() -> builds.plan(compose, "web")).as("ejected: the Dockerfile is the user's now")
                .isInstanceOf(FerryException.class);
        assertThatThrownBy(() -> builds.eject(compose, "web", false)).isInstanceOfSatisfying(FerryException.class,
                e -> assertThat(e.hint()).contains("--force"));
        Files.writeString(written, "# mine\n");
        builds.eject(compose, "web", true);
        assertThat(Files.readString(written)).startsWith("# Written by ferry");
    }

    @Test
    void plan_needsNoEngine() {
        ServiceBuilds noEngine = new ServiceBuilds(new BuildPlanner(), () -> {
            throw new AssertionError("planning must not look for an engine");
        });
        assertThat(noEngine.plan(compose, "web").language()).isEqualTo(Language.NODE);
    }
}
