package dev.ferry.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.snapshot.AppSnapshot;
import dev.ferry.snapshot.SnapshotJson;
import dev.ferry.snapshot.SourceFacts;
import dev.ferry.testing.Schemas;
import dev.ferry.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per case under src/test/resources/golden: input/snapshot.json → expected/compose.yaml and
 * expected/ferry-migration.md. Regenerate with {@code -Dferry.golden.update=true} and review the diff.
 */
class GoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("ferry.golden.update");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void cases_includeEveryRequiredCase_present() throws IOException {
        assertThat(cases().toList()).contains("tutorial-vast-badlands", "rich-app", "source-node-workers",
                "source-docker-rails", "disagreement");
    }

    @Test
    void inputs_builtByHandInJava_matchCommittedSnapshots() throws IOException {
        for (Map.Entry<String, AppSnapshot> c : GoldenInputs.all().entrySet()) {
            Path file = GOLDEN.resolve(c.getKey()).resolve("input/snapshot.json");
            String json = SnapshotJson.write(c.getValue());
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, json);
            }
            assertThat(Files.readString(file)).as(file.toString()).isEqualTo(json);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void map_goldenCase_matchesExpectedFiles(String name) throws IOException {
        Outputs outputs = outputs(name);
        Path expected = GOLDEN.resolve(name).resolve("expected");
        if (UPDATE) {
            Files.createDirectories(expected);
            Files.writeString(expected.resolve("compose.yaml"), outputs.yaml());
            Files.writeString(expected.resolve("ferry-migration.md"), outputs.markdown());
        }
        assertThat(outputs.yaml()).isEqualTo(Files.readString(expected.resolve("compose.yaml")));
        assertThat(outputs.markdown()).isEqualTo(Files.readString(expected.resolve("ferry-migration.md")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void expectedCompose_goldenCase_validatesAgainstComposeSpec(String name) throws IOException {
        String yaml = Files.readString(GOLDEN.resolve(name).resolve("expected/compose.yaml"));
        assertThat(Schemas.composeErrors(yaml)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void map_sameSnapshotTwice_sameBytes(String name) throws IOException {
        Outputs first = outputs(name);
        Outputs second = outputs(name);
        assertThat(second.yaml()).isEqualTo(first.yaml());
        assertThat(second.markdown()).isEqualTo(first.markdown());
        assertThat(second.text()).isEqualTo(first.text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputs_anyCase_carryNoSecretValue(String name) throws IOException {
        String snapshot = Files.readString(GOLDEN.resolve(name).resolve("input/snapshot.json"));
        Outputs outputs = outputs(name);
        List<String> secrets = new ArrayList<>(GoldenInputs.RICH_SECRET_VALUES);
        for (String secret : secrets) {
            assertThat(snapshot).doesNotContain(secret);
            assertThat(outputs.yaml()).doesNotContain(secret);
            assertThat(outputs.markdown()).doesNotContain(secret);
            assertThat(outputs.text()).doesNotContain(secret);
        }
    }

    @Test
    void richApp_rawConfig_containsTheSecretsTheOutputsMustNotCarry() {
        // guards the test above: the secret values really are in the raw input the snapshot was made from
        assertThat(GoldenInputs.RICH_RAW_CONFIG.values())
                .contains("pk_live_51HxQb2K8aLmN3pQrStUvWxYz0123456789",
                        "postgres://admin:hunter2pass@db.example.com:5432/legacy",
                        "9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddccbbaa99887766554433221100");
        for (String value : GoldenInputs.RICH_RAW_CONFIG.values()) {
            boolean secret = GoldenInputs.RICH_SECRET_VALUES.contains(value);
            if (secret) {
                assertThat(SnapshotJson.write(GoldenInputs.richApp())).doesNotContain(value);
            }
        }
    }

    record Outputs(String yaml, String markdown, String text) {}

    static Outputs outputs(String name) throws IOException {
        Path input = GOLDEN.resolve(name).resolve("input/snapshot.json");
        MappingResult result = ComposeMapper.map(SnapshotJson.read(input));
        return new Outputs(ComposeYamlWriter.write(result.project()),
                MigrationReportWriter.markdown(result.report()), MigrationReportWriter.text(result.report()));
    }

    @Test
    void sourceInputs_handBuilt_matchTheSampleAppsProcfiles() throws IOException {
        assertThat(GoldenInputs.sourceNodeWorkers().source().procfile())
                .isEqualTo(procfile(SharedData.sampleApp("node-workers-example").resolve("Procfile")));
        assertThat(GoldenInputs.sourceDockerRails().source().procfile())
                .isEqualTo(procfile(SharedData.sampleApp("Docker-Rails-Template").resolve("Procfile")));
    }

    /** Just enough of Procfile's grammar for the check above: "type: command", # comments. */
    private static List<SourceFacts.ProcfileEntry> procfile(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<SourceFacts.ProcfileEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = Pattern.compile("^([A-Za-z0-9_-]+):\\s*(.+?)\\s*$").matcher(lines.get(i));
            if (m.matches()) {
                entries.add(new SourceFacts.ProcfileEntry(m.group(1), m.group(2), i + 1));
            }
        }
        return entries;
    }
}
