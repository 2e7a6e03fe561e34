package dev.ferry.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    private Detection detect(Map<String, String> files, String... buildpacks) {
        return detector.detect(SourceTree.of(files), new BuildHints(List.of(buildpacks), List.of()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Gemfile, RUBY", "composer.json, PHP", "requirements.txt, PYTHON", "pyproject.toml, PYTHON",
        "Pipfile, PYTHON", "pom.xml, JAVA", "build.gradle, JAVA", "build.gradle.kts, JAVA", "settings.gradle, JAVA",
        "settings.gradle.kts, JAVA", "build.sbt, SCALA",
        "go.mod, GO", "package.json, NODE", "index.html, STATIC"})
    void detect_oneLanguageFile_thatLanguage(String file, Language expected) {
        assertThat(detect(Map.of(file, "{}")).language()).isEqualTo(expected);
    }

    @Test
    void detect_gemfileBesidePackageJson_rubyWithNodeAlsoInstalled() {
        Detection d = detect(Map.of("Gemfile", "", "package.json", "{}"));
        assertThat(d.language()).isEqualTo(Language.RUBY);
        assertThat(d.alsoInstalled()).containsExactly(Language.NODE);
    }

    @Test
    void detect_indexHtmlBesidePackageJson_nodeWins() {
        assertThat(detect(Map.of("index.html", "", "package.json", "{}")).language()).isEqualTo(Language.NODE);
    }

    @Test
    void detect_buildpacks_lastLanguageBuildpackWinsOthersInstalled() {
        Detection d = detect(Map.of("package.json", "{}", "Gemfile", ""), "heroku/nodejs",
                "https://github.com/heroku/heroku-buildpack-ruby.git");
        assertThat(d.language()).isEqualTo(Language.RUBY);
        assertThat(d.alsoInstalled()).containsExactly(Language.NODE);
        assertThat(d.evidence()).isEqualTo("buildpack https://github.com/heroku/heroku-buildpack-ruby.git");
    }

    @Test
    void detect_buildpackOverridesRuleOrder_pythonOverRuby() {
        Detection d = detect(Map.of("Gemfile", "", "requirements.txt", ""), "heroku/python");
        assertThat(d.language()).isEqualTo(Language.PYTHON);
    }

    @Test
    void detect_unknownBuildpack_warningFinding() {
        Detection d = detect(Map.of("package.json", "{}"), "heroku/metrics", "heroku/nodejs");
        assertThat(d.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("buildpack-not-reproduced");
            assertThat(f.subject()).isEqualTo("buildpack heroku/metrics");
        });
    }

    @Test
    void detect_buildpackWithoutItsFiles_fallsBackToFilesWithWarning() {
        Detection d = detect(Map.of("package.json", "{}"), "heroku/go");
        assertThat(d.language()).isEqualTo(Language.NODE);
        assertThat(d.findings()).extracting(f -> f.code()).containsExactly("buildpack-files-missing");
    }

    @Test
    void detect_nothingKnown_badInputNamingTheFilesLookedFor() {
        assertThatThrownBy(() -> detect(Map.of("README.md", "hi")))
                .isInstanceOfSatisfying(FerryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FerryException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("no language detected").contains("Gemfile")
                            .contains("package.json");
                    assertThat(e.hint()).contains("Dockerfile");
                });
    }

    @Test
    void rules_everyLanguageHasARule() {
        assertThat(LanguageDetector.RULES).extracting(LanguageDetector.Rule::language)
                .containsAll(List.of(Language.values()));
    }
}
