package dev.ferry.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden plans: each fixture app under build/golden/CASE/input and each Heroku sample app gives exactly the
 * Dockerfile and plan summary in build/golden/CASE/expected. Regenerate with -Dferry.golden.update=true.
 */
class BuildPlanGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/build/golden");
    static final Path SAMPLES = Path.of(System.getProperty("ferry.shared.dir"), "heroku", "sample-apps");

    @TestFactory
    Stream<DynamicTest> plan_fixtureApp_matchesGolden() throws IOException {
        try (Stream<Path> cases = Files.list(GOLDEN)) {
            List<Path> withInput = cases.filter(c -> Files.isDirectory(c.resolve("input"))).sorted().toList();
            assertThat(withInput).hasSizeGreaterThanOrEqualTo(20);
            return withInput.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(),
                    () -> assertGolden(c.resolve("input"), c.resolve("expected"))));
        }
    }

    @TestFactory
    Stream<DynamicTest> plan_herokuSampleApp_matchesGolden() throws IOException {
        try (Stream<Path> apps = Files.list(SAMPLES)) {
            List<Path> all = apps.filter(Files::isDirectory).sorted().toList();
            assertThat(all).as("sample apps in " + SAMPLES).hasSizeGreaterThanOrEqualTo(9);
            return all.stream().map(app -> DynamicTest.dynamicTest(app.getFileName().toString(),
                    () -> assertGolden(app, GOLDEN.resolve("sample-" + app.getFileName()).resolve("expected"))));
        }
    }

    @Test
    void plan_sameInputTwice_givesEqualPlans() {
        Path app = SAMPLES.resolve("Docker-Rails-Template");
        BuildPlanner planner = new BuildPlanner();
        assertThat(planner.plan("web", SourceTree.of(app))).isEqualTo(planner.plan("web", SourceTree.of(app)));
    }

    private static void assertGolden(Path input, Path expected) throws IOException {
        ServiceBuildPlan plan = new BuildPlanner().plan("web", SourceTree.of(input));
        Golden.assertMatches(expected.resolve("Dockerfile"), plan.dockerfile());
        Golden.assertMatches(expected.resolve("plan.txt"), summary(plan));
        DockerfileRules.assertFollowsConventions(plan);
    }

    /** The plan's decisions, one per line, for review beside the Dockerfile. */
    static String summary(ServiceBuildPlan plan) {
        String processes = plan.processes().stream().map(p -> "  " + p.type() + ": " + p.command() + "\n")
                .collect(Collectors.joining());
        String findings = plan.findings().stream().map(BuildPlanGoldenTest::finding).collect(Collectors.joining());
        return "language: " + plan.language().id() + "\n"
                + "also installed: " + plan.alsoInstalled().stream().map(Language::id).toList() + "\n"
                + "detected from: " + plan.detectedFrom() + "\n"
                + "version: " + plan.version().version() + " (" + plan.version().source() + ")\n"
                + "base images: " + plan.baseImages() + "\n"
                + "start: " + plan.startCommand() + "\n"
                + "processes:\n" + processes
                + "findings:\n" + findings;
    }

    private static String finding(Finding f) {
        return "  " + f.severity() + " " + f.code() + " [" + f.subject() + "] " + f.message() + "\n";
    }
}
