package dev.ferry.source;

import static dev.ferry.source.BadInput.messageOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.ferry.snapshot.SourceFacts.HerokuYml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HerokuYmlReaderTest {

    /** The Dev Center's example, with each run form. */
    private static final String FULL = """
            setup:
              addons:
                - plan: heroku-postgresql
                  as: DATABASE
                - heroku-redis:mini
              config:
                S3_BUCKET: my-example-bucket
            build:
              docker:
                web: Dockerfile
                worker: worker/Dockerfile
              config:
                RAILS_ENV: development
            release:
              command:
                - ./deployment-tasks.sh
                - --verbose
              image: worker
            run:
              web: bundle exec puma -C config/puma.rb
              worker: [python, myworker.py]
              asset-syncer:
                command:
                  - python asset-syncer.py
                image: worker
            """;

    @Test
    void parse_devCenterExample_readsEverySection() {
        HerokuYml yml = HerokuYmlReader.parse(FULL, "heroku.yml");

        assertThat(yml.setupAddons()).containsExactly("heroku-postgresql", "heroku-redis:mini");
        assertThat(yml.buildDocker()).containsOnly(entry("web", "Dockerfile"), entry("worker", "worker/Dockerfile"));
        assertThat(yml.buildLanguages()).isEmpty();
        assertThat(yml.releaseCommand()).isEqualTo("./deployment-tasks.sh --verbose");
        assertThat(yml.releaseImage()).isEqualTo("worker");
        assertThat(yml.run()).containsOnly(entry("web", "bundle exec puma -C config/puma.rb"),
                entry("worker", "python myworker.py"), entry("asset-syncer", "python asset-syncer.py"));
    }

    @Test
    void parse_buildpackFormWithStringRelease_readsLanguagesAndCommand() {
        String yaml = "build:\n  languages:\n    - ruby\n    - nodejs\nrelease:\n  command: rake db:migrate\n";

        assertThat(HerokuYmlReader.parse(yaml, "heroku.yml")).isEqualTo(new HerokuYml(List.of(), Map.of(),
                List.of("ruby", "nodejs"), "rake db:migrate", null, Map.of()));
    }

    @Test
    void parse_commentsOnly_badInputEmptyFile() {
        assertThat(messageOf(() -> HerokuYmlReader.parse("# nothing yet\n", "heroku.yml")))
                .isEqualTo("heroku.yml: the file is empty");
    }

    @Test
    void parse_brokenIndentation_badInputAtSnakeyamlsLine() {
        assertThat(messageOf(() -> HerokuYmlReader.parse("run:\n  web: a\n   worker: b\n", "heroku.yml")))
                .isEqualTo("heroku.yml:3: not valid YAML: mapping values are not allowed here");
    }

    @Test
    void parse_unclosedFlowList_badInputNamingWhereItBegan() {
        String yaml = "build:\n  docker:\n    web: Dockerfile\n  languages: [go\nrun:\n  web: x\n";

        assertThat(messageOf(() -> HerokuYmlReader.parse(yaml, "heroku.yml")))
                .startsWith("heroku.yml:5: not valid YAML: ").endsWith("(while parsing a flow sequence, line 4)");
    }

    @Test
    void parse_twoDocuments_badInput() {
        assertThat(messageOf(() -> HerokuYmlReader.parse("run:\n  web: a\n---\nrun: {}\n", "heroku.yml")))
                .startsWith("heroku.yml:3: not valid YAML: ");
    }

    @Test
    void parse_recursiveAlias_badInput() {
        assertThat(messageOf(() -> HerokuYmlReader.parse("build:\n  languages: &l [*l]\n", "heroku.yml")))
                .isEqualTo("heroku.yml:2: the value is nested too deeply or contains itself");
    }

    @Test
    void parse_runIsAList_badInputNamingPathAndLine() {
        assertThat(messageOf(() -> HerokuYmlReader.parse("build:\n  languages: [go]\nrun:\n  - web\n", "heroku.yml")))
                .isEqualTo("heroku.yml:4: \"run\" must be an object, not a list");
    }

    @Test
    void parse_languagesIsAString_badInputNamingPath() {
        assertThat(messageOf(() -> HerokuYmlReader.parse("build:\n  languages: go\n", "heroku.yml")))
                .isEqualTo("heroku.yml:2: \"build.languages\" must be a list, not a string");
    }

    @Test
    void parse_runObjectWithoutCommand_badInput() {
        assertThat(messageOf(() -> HerokuYmlReader.parse("run:\n  worker:\n    image: worker\n", "heroku.yml")))
                .isEqualTo("heroku.yml:3: \"run.worker\" has no \"command\"");
    }

    @Test
    void parse_emptyReleaseCommand_badInput() {
        assertThat(messageOf(() -> HerokuYmlReader.parse("release:\n  command: []\n", "heroku.yml")))
                .isEqualTo("heroku.yml:2: \"release.command\" is an empty command");
    }

    @Test
    void parse_addonWithoutPlan_badInputNamingTheItem() {
        assertThat(messageOf(() -> HerokuYmlReader.parse("setup:\n  addons:\n    - as: DATABASE\n", "heroku.yml")))
                .isEqualTo("heroku.yml:3: \"setup.addons[0]\" has no \"plan\"");
    }

    @Test
    void parse_dockerfilePathIsAMapping_badInput() {
        assertThat(messageOf(() -> HerokuYmlReader.parse("build:\n  docker:\n    web:\n      file: x\n", "heroku.yml")))
                .isEqualTo("heroku.yml:4: \"build.docker.web\" must be a string, not an object");
    }

    @Test
    void parse_topLevelScalar_badInput() {
        assertThat(messageOf(() -> HerokuYmlReader.parse("just text\n", "heroku.yml")))
                .isEqualTo("heroku.yml:1: the document must be an object, not a string");
    }
}
