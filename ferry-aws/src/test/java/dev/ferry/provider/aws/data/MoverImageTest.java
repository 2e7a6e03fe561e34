package dev.ferry.provider.aws.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoverImageTest {

    @TempDir
    Path dir;

    @Test
    void tag_sameJarAndMajor_sameContentDerivedTag() throws Exception {
        Path jar = jar("a.jar", "ferry build 1");
        Path copy = jar("b.jar", "ferry build 1");

        assertThat(MoverImage.forJar(jar, 17).tag()).matches("ferry-mover-pg17-[0-9a-f]{12}")
                .isEqualTo(MoverImage.forJar(copy, 17).tag());
    }

    @Test
    void tag_otherJarBytes_otherTag() throws Exception {
        String first = MoverImage.forJar(jar("a.jar", "ferry build 1"), 17).tag();
        String second = MoverImage.forJar(jar("b.jar", "ferry build 2"), 17).tag();

        assertThat(second).startsWith("ferry-mover-pg17-").isNotEqualTo(first);
    }

    @Test
    void tag_otherMajor_otherTagAndBase() throws Exception {
        Path jar = jar("a.jar", "ferry build 1");
        MoverImage pg16 = MoverImage.forJar(jar, 16);
        MoverImage pg17 = MoverImage.forJar(jar, 17);

        assertThat(pg16.tag()).startsWith("ferry-mover-pg16-");
        assertThat(pg16.tag().substring("ferry-mover-pg16-".length()))
                .isNotEqualTo(pg17.tag().substring("ferry-mover-pg17-".length()));
        assertThat(pg16.baseImage()).isEqualTo("postgres:16");
        assertThat(pg16.dockerfile()).contains("\nFROM postgres:16\n");
    }

    @Test
    void dockerfile_officialPostgresBaseJreThenJarNonRootJavaEntrypoint() throws Exception {
        List<String> instructions = instructions(MoverImage.forJar(jar("a.jar", "x"), 17).dockerfile());

        assertThat(instructions).extracting(line -> line.split(" ", 2)[0])
                .containsExactly("FROM", "RUN", "ENV", "COPY", "USER", "WORKDIR", "ENTRYPOINT");
        // a Docker Hub short name, as ferry's build plans name their bases (CodeBuild pulls those)
        assertThat(instructions.get(0)).isEqualTo("FROM postgres:17");
        assertThat(instructions.get(1)).contains("apt-get install -y -qq --no-install-recommends default-jre-headless")
                .contains("rm -rf /var/lib/apt/lists/*").contains("useradd --uid 10001 --gid 10001");
        assertThat(instructions.get(2)).contains("CI=true").contains("NO_COLOR=1");
        assertThat(instructions.get(3)).isEqualTo("COPY ferry.jar /opt/ferry/ferry.jar");
        assertThat(instructions.get(4)).isEqualTo("USER 10001:10001");
        assertThat(instructions.get(6)).startsWith("ENTRYPOINT [\"java\", ")
                .contains("\"-XX:MaxRAMPercentage=60\"").endsWith("\"-jar\", \"/opt/ferry/ferry.jar\"]");
    }

    @Test
    void dockerfile_noSecretNorBuildArgument() throws Exception {
        String dockerfile = MoverImage.forJar(jar("a.jar", "x"), 17).dockerfile();

        assertThat(instructions(dockerfile)).noneMatch(line -> line.startsWith("ARG"))
                .noneMatch(line -> line.matches("(?i).*(PASSWORD|SECRET|TOKEN|_URL)\\s*=.*"));
    }

    @Test
    void writeContext_emptyFolder_dockerfileAndJarOnly() throws Exception {
        Path jar = jar("ferry-0.1.jar", "the jar's bytes");
        MoverImage image = MoverImage.forJar(jar, 17);
        Path context = dir.resolve("context");

        image.writeContext(context);

        try (Stream<Path> files = Files.list(context)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("Dockerfile", "ferry.jar");
        }
        assertThat(Files.readString(context.resolve("Dockerfile"))).isEqualTo(image.dockerfile());
        assertThat(Files.readAllBytes(context.resolve("ferry.jar"))).isEqualTo(Files.readAllBytes(jar));
    }

    @Test
    void writeContext_folderNotEmpty_refused() throws Exception {
        Path context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve("left-over"), "x");
        MoverImage image = MoverImage.forJar(jar("a.jar", "x"), 17);

        assertThatThrownBy(() -> image.writeContext(context)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not empty");
    }

    @Test
    void forJar_noJar_environmentError() {
        assertThatThrownBy(() -> MoverImage.forJar(dir.resolve("missing.jar"), 17))
                .isInstanceOfSatisfying(FerryException.class,
                        e -> assertThat(e.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT));
    }

    @Test
    void forJar_majorBeforeTen_refused() throws Exception {
        Path jar = jar("a.jar", "x");

        assertThatThrownBy(() -> MoverImage.forJar(jar, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    private Path jar(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    private static List<String> instructions(String dockerfile) {
        return List.of(dockerfile.replace("\\\n", " ").split("\n")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
