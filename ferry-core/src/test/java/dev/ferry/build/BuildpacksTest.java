package dev.ferry.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildpacksTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"heroku/nodejs, NODE", "heroku/ruby, RUBY", "heroku/python, PYTHON", "heroku/java, JAVA",
        "heroku/gradle, JAVA", "heroku/scala, SCALA", "heroku/go, GO", "heroku/php, PHP",
        "https://github.com/heroku/heroku-buildpack-nodejs, NODE",
        "https://github.com/heroku/heroku-buildpack-python.git, PYTHON",
        "https://github.com/heroku/heroku-buildpack-ruby#v250, RUBY", "heroku-community/static, STATIC"})
    void language_knownBuildpack_itsLanguage(String buildpack, Language expected) {
        assertThat(Buildpacks.language(buildpack)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"heroku/metrics", "https://github.com/heroku/heroku-buildpack-pgbouncer", "heroku/nginx"})
    void language_otherBuildpack_empty(String buildpack) {
        assertThat(Buildpacks.language(buildpack)).isEmpty();
    }
}
