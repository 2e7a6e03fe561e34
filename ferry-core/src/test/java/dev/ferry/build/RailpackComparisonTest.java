package dev.ferry.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.FerryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Railpack's example apps (by file names, with minimal manifests) through ferry's detector and planner, compared
 * with Railpack's plans: detected language and start command. The table is a golden file; every example where
 * ferry differs must be explained in docs/railpack-differences.md.
 */
class RailpackComparisonTest {

    static final Path RAILPACK = Path.of(System.getProperty("ferry.shared.dir"), "railpack-expectations", "railpack");
    static final Path TABLE = Path.of("src/test/resources/build/railpack/comparison.tsv");
    static final Path DOC = Path.of("../docs/railpack-differences.md");
    /** Railpack's example name prefixes for the languages ferry builds. */
    static final Map<String, Language> PREFIXES = Map.of("node", Language.NODE, "python", Language.PYTHON,
            "ruby", Language.RUBY, "java", Language.JAVA, "go", Language.GO, "php", Language.PHP,
            "staticfile", Language.STATIC);

    @Test
    void compare_overlappingExamples_tableMatchesGoldenAndEveryDifferenceIsExplained() throws IOException {
        StringBuilder table = new StringBuilder("example\trailpack language\tferry language\trailpack start\tferry start\n");
        List<String> differing = new ArrayList<>();
        for (String line : Files.readAllLines(RAILPACK.resolve("examples-file-index.tsv"))) {
            String[] columns = line.split("\t");
            Language expected = PREFIXES.get(columns[0].split("-")[0]);
            if (expected == null || columns.length < 3) {
                continue;
            }
            String example = columns[0];
            String railpackStart = new ObjectMapper().readTree(RAILPACK.resolve("plans/TestGenerateBuildPlanForExamples_"
                    + example + "_1.snap.json").toFile()).path("deploy").path("startCommand").asText();
            String ferryLanguage;
            String ferryStart;
            try {
                ServiceBuildPlan plan = new BuildPlanner().plan("web",
                        SourceTree.of(fixture(example, List.of(columns[2].split(" ")), railpackStart)));
                ferryLanguage = plan.language().name();
                ferryStart = plan.startCommand().startsWith("echo \"ferry found no start command") ? "(none)"
                        : plan.startCommand();
            } catch (FerryException e) {
                ferryLanguage = "(none)";
                ferryStart = "(none)";
            }
            boolean same = ferryLanguage.equals(expected.name()) && sameStart(railpackStart, ferryStart);
            if (!same) {
                differing.add(example);
            }
            table.append(String.join("\t", example, expected.name(), ferryLanguage, railpackStart, ferryStart))
                    .append(same ? "" : "\tDIFFERS").append('\n');
        }
        Golden.assertMatches(TABLE, table.toString());
        String doc = Files.readString(DOC);
        assertThat(differing).as("differences explained in " + DOC).allMatch(e -> doc.contains("`" + e + "`"));
    }

    /** npm start and npm run start are one command; so are yarn/pnpm start and run start. */
    private static boolean sameStart(String railpack, String ferry) {
        return railpack.replace(" run start", " start").equals(ferry.replace(" run start", " start"));
    }

    /**
     * The example's files with minimal manifests. What Railpack's own plan proves about a manifest is written into
     * it: a start script when Railpack runs one; the Procfile's web command when the example has a Procfile
     * (Railpack then starts with it); railties in Gemfile.lock for the Rails examples.
     */
    static Map<String, String> fixture(String example, List<String> names, String railpackStart) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : names) {
            files.put(name, switch (name.substring(name.lastIndexOf('/') + 1)) {
                case "package.json" -> railpackStart.matches("(npm|yarn|pnpm|bun) run start")
                        ? "{\"scripts\": {\"start\": \"node index.js\"}}" : "{}";
                case "composer.json", "Pipfile.lock" -> "{}";
                case "pom.xml" -> "<project/>";
                case "go.mod" -> "module example.com/" + example + "\n\ngo 1.22\n";
                case "Procfile" -> "web: " + railpackStart + "\n";
                case "Gemfile.lock" -> example.contains("rails") ? "GEM\n  specs:\n    railties (7.1.0)\n" : "";
                default -> name.endsWith(".go") && !name.contains("shared") ? "package main\n" : "";
            });
        }
        return files;
    }
}
