package dev.ferry.compose.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.Finding;
import dev.ferry.compose.ComposeYamlWriter;
import dev.ferry.provider.local.LocalProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every compose file the mapping's golden cases expect loads cleanly, and writes back to the same bytes. */
class GoldenComposeFilesTest {

    static Stream<Path> goldenComposeFiles() throws IOException, URISyntaxException {
        Path golden = Path.of(GoldenComposeFilesTest.class.getResource("/golden").toURI());
        try (Stream<Path> cases = Files.list(golden)) {
            return cases.map(c -> c.resolve("expected/compose.yaml")).filter(Files::isRegularFile).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("goldenComposeFiles")
    void load_ferrysOwnOutput_validWithoutSecretOrKeyFindings(Path file) throws IOException {
        LoadedCompose loaded = ComposeLoader.load(file, "compose.yaml",
                new LoadOptions(Map.of(), List.of(), Set.of(), LocalProvider.SUPPORTED_KEYS));
        assertThat(loaded.findings()).extracting(Finding::code)
                .doesNotContain("secret-literal", "unsupported-key", "variable-unset");
        String original = Files.readString(file);
        // comments are not part of the model: the rest must come back byte for byte
        String body = original.substring(original.indexOf("services:")).replaceAll("(?m)^ *#.*\n", "");
        assertThat(ComposeYamlWriter.write(loaded.project())).isEqualTo(body);
    }
}
