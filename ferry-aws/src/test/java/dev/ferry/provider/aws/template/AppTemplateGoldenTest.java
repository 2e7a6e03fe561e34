package dev.ferry.provider.aws.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.event.EventSink;
import dev.ferry.init.InitWorkflow;
import dev.ferry.provider.DeploymentMode;
import dev.ferry.provider.aws.testing.AppFixtures;
import dev.ferry.provider.aws.testing.TemplateValidator;
import dev.ferry.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden app templates (src/test/resources/golden/aws/CASE/template.json; regenerate with -Dferry.golden.update=true
 * and review the diff) for the tutorial's app in each mode with and without a domain, ferry-core's richest golden
 * app, and every sample app mapped with {@code ferry init --from source}; each is validated in full.
 */
class AppTemplateGoldenTest {

    private static final boolean UPDATE = Boolean.getBoolean("ferry.golden.update");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/aws");

    @TempDir
    Path temp;

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (DeploymentMode mode : DeploymentMode.values()) {
            cases.add(Arguments.of("tutorial-" + mode.cliName(), "core:tutorial-vast-badlands", mode, Optional.empty()));
            cases.add(Arguments.of("tutorial-" + mode.cliName() + "-domain", "core:tutorial-vast-badlands", mode,
                    Optional.of("shop.example.com")));
        }
        cases.add(Arguments.of("rich-app-balanced", "core:rich-app", DeploymentMode.BALANCED, Optional.empty()));
        try (Stream<Path> samples = Files.list(SharedData.resolve("heroku/sample-apps"))) {
            for (Path sample : samples.filter(Files::isDirectory).sorted().toList()) {
                cases.add(Arguments.of("sample-" + sample.getFileName(), "sample:" + sample.getFileName(),
                        DeploymentMode.AFFORDABLE, Optional.empty()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void build_case_matchesGoldenAndValidates(String name, String source, DeploymentMode mode, Optional<String> domain)
            throws IOException {
        Path compose = composeFile(source);
        AppFixtures.Loaded loaded = AppFixtures.load(compose);
        AppTemplate.Result result = AppTemplate.build(AppFixtures.input(loaded.compose(), mode, domain));

        List<String> errors = TemplateValidator.errors(result.template(), new TemplateValidator.Expectations(
                AppFixtures.requiredOutputs(loaded.compose()), loaded.canaries().values()));
        assertThat(errors).as(name).isEmpty();
        assertThat(AppTemplate.build(AppFixtures.input(loaded.compose(), mode, domain)).json())
                .as("the same input renders the same bytes").isEqualTo(result.json());

        StringBuilder findings = new StringBuilder();
        result.findings().forEach(f -> findings.append(f.severity()).append(' ').append(f.code()).append(' ')
                .append(f.subject()).append(": ").append(f.message()).append('\n'));
        golden(name, "template.json", result.json());
        golden(name, "findings.txt", findings.toString());
    }

    private Path composeFile(String source) throws IOException {
        String[] kind = source.split(":", 2);
        if (kind[0].equals("core")) {
            Path dir = Files.createDirectories(temp.resolve(kind[1]));
            try (InputStream in = getClass().getResourceAsStream("/golden/" + kind[1] + "/expected/compose.yaml")) {
                assertThat(in).as("ferry-core's golden compose " + kind[1]).isNotNull();
                Files.copy(in, dir.resolve("compose.yaml"));
            }
            return dir.resolve("compose.yaml");
        }
        // as `ferry init --from source DIR` does it; the compose file sits in a folder named like the app
        Path dir = Files.createDirectories(temp.resolve(kind[1].toLowerCase()));
        Path compose = dir.resolve("compose.yaml");
        InitWorkflow.fromSource(SharedData.sampleApp(kind[1]), compose, false, EventSink.NONE);
        return compose;
    }

    private static void golden(String name, String file, String actual) throws IOException {
        Path expected = GOLDEN.resolve(name).resolve(file);
        if (UPDATE) {
            Files.createDirectories(expected.getParent());
            Files.writeString(expected, actual);
        }
        assertThat(expected).as("golden " + expected + " (run with -Dferry.golden.update=true)").exists();
        assertThat(actual).as("golden " + expected).isEqualTo(Files.readString(expected));
    }
}
