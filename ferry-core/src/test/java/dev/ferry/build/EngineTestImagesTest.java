package dev.ferry.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** .ci/podman builds exactly the base images the engine tests' fixture apps are planned with: no more, no less. */
class EngineTestImagesTest {

    @Test
    void ciPodmanImages_equalBaseImagesOfFixtureApps() throws IOException {
        String script = Files.readString(Path.of("../.ci/podman"));
        Matcher list = Pattern.compile("(?m)^images=\\(([^)]*)\\)").matcher(script);
        assertThat(list.find()).as("images=(...) in .ci/podman").isTrue();
        TreeSet<String> built = new TreeSet<>(List.of(list.group(1).trim().split("\\s+")));
        TreeSet<String> needed = new TreeSet<>();
        try (Stream<Path> apps = Files.list(EngineBuildIT.APPS)) {
            apps.forEach(app -> needed.addAll(new BuildPlanner().plan("web", SourceTree.of(app)).baseImages()));
        }
        assertThat(built).isEqualTo(needed);
    }
}
