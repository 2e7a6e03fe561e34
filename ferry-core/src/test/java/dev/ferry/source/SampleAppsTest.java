package dev.ferry.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.ferry.snapshot.SourceFacts;
import dev.ferry.snapshot.SourceFacts.EnvSpec;
import dev.ferry.snapshot.SourceFacts.ProcfileEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link SourceFolderReader} on the real Heroku sample apps kept under ../shared/heroku/sample-apps. */
class SampleAppsTest {

    private static final Path SAMPLES = Path.of(System.getProperty("ferry.shared.dir"), "heroku", "sample-apps");

    @Test
    void samples_everyFolder_isCoveredByATestBelow() throws IOException {
        try (Stream<Path> folders = Files.list(SAMPLES)) {
            assertThat(folders.map(folder -> folder.getFileName().toString())).containsExactlyInAnyOrder(
                    "Docker-Rails-Template", "go-getting-started", "java-getting-started", "node-workers-example",
                    "php-getting-started", "php-worker-demo", "python-getting-started", "ruby-getting-started",
                    "scala-getting-started");
        }
    }

    @Test
    void read_dockerRailsTemplate_releaseAndWebWithoutTheCommentedWorker() {
        SourceFacts facts = read("Docker-Rails-Template");

        assertThat(facts.procfile()).containsExactly(
                new ProcfileEntry("release", "./bin/heroku/release-tasks.sh", 3),
                new ProcfileEntry("web", "./bin/rails server -p ${PORT:-5000}", 6));
        assertThat(facts.appJson().env()).extracting(EnvSpec::name).containsExactly(
                "DURING_RELEASE_RUN_MIGRATIONS", "DURING_RELEASE_SEED_DB", "LANG", "RACK_ENV", "RAILS_ENV",
                "RAILS_LOG_TO_STDOUT", "RAILS_MAX_THREADS", "RAILS_SERVE_STATIC_FILES", "SECRET_KEY_BASE",
                "SIDEKIQ_PASSWORD", "SIDEKIQ_USERNAME", "URL");
        assertThat(env(facts, "SECRET_KEY_BASE")).isEqualTo(new EnvSpec("SECRET_KEY_BASE", false, null, null, null));
        assertThat(env(facts, "DURING_RELEASE_SEED_DB")).isEqualTo(
                new EnvSpec("DURING_RELEASE_SEED_DB", false, "enabled", null, null));
        assertThat(env(facts, "RAILS_MAX_THREADS").value()).isEqualTo("18");
        assertThat(facts.appJson().buildpacks()).containsExactly("heroku/metrics",
                "https://github.com/heroku/heroku-buildpack-activestorage-preview", "heroku/ruby");
        assertThat(facts.appJson().addons()).isEmpty();
        assertThat(facts.appJson().environments()).containsOnlyKeys("production", "review", "test");
        assertThat(facts.appJson().environments().get("production").addons()).containsExactly(
                "heroku-redis:hobby-dev", "heroku-postgresql:hobby-dev", "sendgrid", "papertrail", "sentry");
        assertThat(facts.appJson().environments().get("review").addons()).containsExactly(
                "heroku-redis:hobby-dev", "heroku-postgresql:hobby-dev", "mailtrap", "papertrail");
        assertThat(facts.herokuYml()).isNull();
        assertThat(facts.languageFiles()).containsExactly(".ruby-version", "Gemfile", "Gemfile.lock", "package.json");
        assertThat(SourceFolderReader.appName(SAMPLES.resolve("Docker-Rails-Template"), facts))
                .isEqualTo("docker-rails-template");
    }

    @Test
    void read_goGettingStarted_herokuYmlWithLanguagesAndRun() {
        SourceFacts facts = read("go-getting-started");

        assertThat(facts.procfile()).containsExactly(new ProcfileEntry("web", "go-getting-started", 1));
        assertThat(facts.herokuYml().buildLanguages()).containsExactly("go");
        assertThat(facts.herokuYml().run()).containsOnly(entry("web", "go-getting-started"));
        assertThat(facts.herokuYml().buildDocker()).isEmpty();
        assertThat(facts.herokuYml().releaseCommand()).isNull();
        assertThat(facts.appJson().env()).isEmpty();
        assertThat(facts.languageFiles()).containsExactly("go.mod");
        assertThat(SourceFolderReader.appName(SAMPLES.resolve("go-getting-started"), facts))
                .isEqualTo("start-on-heroku-go");
    }

    @Test
    void read_javaGettingStarted_webJarAndPostgres() {
        SourceFacts facts = read("java-getting-started");

        assertThat(facts.procfile()).containsExactly(
                new ProcfileEntry("web", "java -jar target/java-getting-started-1.0.0-SNAPSHOT.jar", 1));
        assertThat(facts.appJson().addons()).containsExactly("heroku-postgresql");
        assertThat(facts.languageFiles()).containsExactly("pom.xml", "system.properties");
    }

    @Test
    void read_nodeWorkersExample_webAndWorkerWithRedisAndNoName() {
        SourceFacts facts = read("node-workers-example");

        assertThat(facts.procfile()).containsExactly(new ProcfileEntry("web", "node server.js", 1),
                new ProcfileEntry("worker", "node worker.js", 2));
        assertThat(facts.appJson().name()).isNull();
        assertThat(facts.appJson().addons()).containsExactly("heroku-redis");
        assertThat(facts.languageFiles()).containsExactly("package.json");
        assertThat(SourceFolderReader.appName(SAMPLES.resolve("node-workers-example"), facts))
                .isEqualTo("node-workers-example");
    }

    @Test
    void read_phpGettingStarted_apacheWebAndNoAddons() {
        SourceFacts facts = read("php-getting-started");

        assertThat(facts.procfile()).containsExactly(new ProcfileEntry("web", "heroku-php-apache2 web/", 1));
        assertThat(facts.appJson().name()).isEqualTo("Start on Heroku: PHP");
        assertThat(facts.appJson().addons()).isEmpty();
        assertThat(facts.languageFiles()).containsExactly("composer.json");
    }

    @Test
    void read_phpWorkerDemo_addonsIncludeCloudamqp() {
        SourceFacts facts = read("php-worker-demo");

        assertThat(facts.procfile()).containsExactly(
                new ProcfileEntry("web", "vendor/bin/heroku-php-apache2 www/", 1),
                new ProcfileEntry("worker", "php bin/worker.php", 2));
        assertThat(facts.appJson().addons()).containsExactly("heroku-redis", "cloudamqp", "bomberman");
        assertThat(facts.languageFiles()).containsExactly("composer.json");
    }

    @Test
    void read_pythonGettingStarted_generatedSecretAndTestScript() {
        SourceFacts facts = read("python-getting-started");

        assertThat(facts.procfile()).containsExactly(
                new ProcfileEntry("web", "gunicorn --config gunicorn.conf.py gettingstarted.wsgi", 1));
        assertThat(facts.appJson().env()).containsExactly(new EnvSpec("DJANGO_SECRET_KEY", true, null, "secret",
                "The secret key for the Django application."));
        assertThat(facts.appJson().environments().get("test").scripts())
                .isEqualTo(Map.of("test", "./manage.py test --debug-mode"));
        assertThat(facts.languageFiles())
                .containsExactly(".python-version", "manage.py", "project.toml", "requirements.txt");
    }

    @Test
    void read_rubyGettingStarted_pumaAndPostgres() {
        SourceFacts facts = read("ruby-getting-started");

        assertThat(facts.procfile()).containsExactly(new ProcfileEntry("web", "bundle exec puma -C config/puma.rb", 1));
        assertThat(facts.appJson().addons()).containsExactly("heroku-postgresql");
        assertThat(facts.languageFiles()).containsExactly("Gemfile", "Gemfile.lock");
    }

    @Test
    void read_scalaGettingStarted_stagedBinaryAndPostgres() {
        SourceFacts facts = read("scala-getting-started");

        assertThat(facts.procfile()).containsExactly(new ProcfileEntry("web",
                "target/universal/stage/bin/scala-getting-started -Dhttp.port=${PORT}", 1));
        assertThat(facts.appJson().addons()).containsExactly("heroku-postgresql");
        assertThat(facts.herokuYml()).isNull();
        assertThat(facts.languageFiles()).containsExactly("build.sbt", "system.properties");
    }

    private static SourceFacts read(String sample) {
        return SourceFolderReader.read(SAMPLES.resolve(sample));
    }

    private static EnvSpec env(SourceFacts facts, String name) {
        List<EnvSpec> matching = facts.appJson().env().stream().filter(spec -> spec.name().equals(name)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
