package dev.ferry.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeBuildTargetsTest {

    @TempDir
    Path dir;

    private Path compose(String yaml) throws Exception {
        Files.createDirectories(dir.resolve("api"));
        Files.createDirectories(dir.resolve("own"));
        Files.writeString(dir.resolve("own/Dockerfile"), "FROM scratch\n");
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void read_buildForms_targetsInFileOrder() throws Exception {
        Path file = compose("""
                name: My App
                services:
                  web:
                    build: .
                  worker:
                    build:
                      context: "."
                  api:
                    build: {context: ./api, dockerfile: ../own/Dockerfile}
                    image: registry.example/api:1
                  own:
                    build: own
                  redis:
                    image: redis:7
                """);
        List<BuildTarget> targets = ComposeBuildTargets.read(file);
        assertThat(targets).extracting(BuildTarget::service).containsExactly("web", "worker", "api", "own");
        assertThat(targets.get(0)).isEqualTo(new BuildTarget("web", dir.toAbsolutePath(), Optional.empty(), "myapp-web"));
        assertThat(targets.get(0).imageKey()).isEqualTo(targets.get(1).imageKey());
        assertThat(targets.get(2).userDockerfile()).contains(dir.resolve("own/Dockerfile").toAbsolutePath());
        assertThat(targets.get(2).image()).isEqualTo("registry.example/api:1");
        assertThat(targets.get(3).plannedByFerry()).isFalse();
    }

    @Test
    void find_serviceWithoutBuild_badInputListingBuildableServices() throws Exception {
        Path file = compose("services:\n  web:\n    build: .\n  redis:\n    image: redis:7\n");
        assertThatThrownBy(() -> ComposeBuildTargets.find(file, "redis"))
                .isInstanceOfSatisfying(FerryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FerryException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).endsWith("compose.yaml: no service \"redis\" with build:");
                    assertThat(e.hint()).isEqualTo("services built from source: web");
                });
    }

    @Test
    void read_brokenYaml_badInputWithLine() throws Exception {
        Path file = compose("services:\n  web:\n    build: [\n");
        assertThatThrownBy(() -> ComposeBuildTargets.read(file)).isInstanceOfSatisfying(FerryException.class,
                e -> assertThat(e.getMessage()).matches(".*compose.yaml:\\d+: not valid YAML.*"));
    }

    @Test
    void read_missingFile_badInputSuggestingInit() {
        assertThatThrownBy(() -> ComposeBuildTargets.read(dir.resolve("nope.yaml")))
                .isInstanceOfSatisfying(FerryException.class, e -> assertThat(e.hint()).contains("ferry init"));
    }

    @Test
    void read_missingContextFolder_badInput() throws Exception {
        Path file = compose("services:\n  web:\n    build: ./missing\n");
        assertThatThrownBy(() -> ComposeBuildTargets.read(file)).isInstanceOfSatisfying(FerryException.class,
                e -> assertThat(e.getMessage()).contains("build context ./missing is not a folder"));
    }

    @Test
    void read_namedDockerfileMissing_badInput() throws Exception {
        Path file = compose("services:\n  web:\n    build: {context: api, dockerfile: Dockerfile.prod}\n");
        assertThatThrownBy(() -> ComposeBuildTargets.read(file)).isInstanceOfSatisfying(FerryException.class,
                e -> assertThat(e.getMessage()).contains("names dockerfile Dockerfile.prod"));
    }
}
