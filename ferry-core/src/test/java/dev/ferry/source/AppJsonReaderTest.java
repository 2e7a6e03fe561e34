package dev.ferry.source;

import static dev.ferry.source.BadInput.messageOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.ferry.snapshot.AppSnapshot;
import dev.ferry.snapshot.SnapshotJson;
import dev.ferry.snapshot.SourceFacts;
import dev.ferry.snapshot.SourceFacts.AppJson;
import dev.ferry.snapshot.SourceFacts.AppJsonEnvironment;
import dev.ferry.snapshot.SourceFacts.EnvSpec;
import dev.ferry.snapshot.SourceFacts.FormationSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppJsonReaderTest {

    private static final String FULL = """
            {
              "name": "Small Sharp Tool",
              "keywords": ["ignored"],
              "scripts": {"postdeploy": "bundle exec rake bootstrap", "pr-predestroy": null},
              "env": {
                "WEB_CONCURRENCY": {"description": "The number of processes to run.", "value": "5"},
                "SECRET_TOKEN": {"description": "Signs cookies.", "generator": "secret"},
                "LANG": "en_US.UTF-8",
                "OPTIONAL_FLAG": {"required": false, "value": 1}
              },
              "formation": {"web": {"quantity": 2, "size": "standard-1x"}, "worker": {"quantity": 0}},
              "addons": ["openredis", {"plan": "mongolab:shared-single-small", "as": "MONGO"},
                         {"plan": "heroku-postgresql", "options": {"version": "9.5"}}],
              "buildpacks": [{"url": "heroku/ruby"}, {"url": "https://github.com/x/buildpack"}],
              "stack": "heroku-24",
              "environments": {
                "test": {"scripts": {"test": "bundle exec rake test"}, "addons": ["heroku-redis:in-dyno"]},
                "review": {"formation": {"web": {"size": "basic"}}}
              }
            }
            """;

    @Test
    void parse_everySupportedKey_readsTheFacts() {
        AppJson appJson = AppJsonReader.parse(FULL, "app.json");

        assertThat(appJson.name()).isEqualTo("Small Sharp Tool");
        assertThat(appJson.env()).containsExactly(
                new EnvSpec("LANG", true, "en_US.UTF-8", null, null),
                new EnvSpec("OPTIONAL_FLAG", false, "1", null, null),
                new EnvSpec("SECRET_TOKEN", true, null, "secret", "Signs cookies."),
                new EnvSpec("WEB_CONCURRENCY", true, "5", null, "The number of processes to run."));
        assertThat(appJson.formation()).containsOnly(entry("web", new FormationSpec(2, "standard-1x")),
                entry("worker", new FormationSpec(0, null)));
        assertThat(appJson.addons()).containsExactly("openredis", "mongolab:shared-single-small", "heroku-postgresql");
        assertThat(appJson.scripts()).containsOnly(entry("postdeploy", "bundle exec rake bootstrap"));
        assertThat(appJson.buildpacks()).containsExactly("heroku/ruby", "https://github.com/x/buildpack");
        assertThat(appJson.stack()).isEqualTo("heroku-24");
        assertThat(appJson.environments()).containsOnly(
                entry("test", new AppJsonEnvironment(List.of("heroku-redis:in-dyno"),
                        Map.of("test", "bundle exec rake test"), Map.of())),
                entry("review", new AppJsonEnvironment(List.of(), Map.of(),
                        Map.of("web", new FormationSpec(null, "basic")))));
    }

    @Test
    void parse_emptyObject_emptyFacts() {
        assertThat(AppJsonReader.parse("{}", "app.json"))
                .isEqualTo(new AppJson(null, List.of(), Map.of(), List.of(), Map.of(), List.of(), null, Map.of()));
    }

    @Test
    void parse_secretLookingDefaults_areDroppedFromFactsAndSnapshot() {
        String json = """
                {"env": {
                  "SECRET_KEY_BASE": {"value": "not-so-secret-default"},
                  "DATABASE_URL": "postgres://admin:pa55word@db.example.com:5432/app",
                  "UPSTREAM": {"value": "Zx8Qp2Lm9Rt4Vw7Ky1Nb3Hc6"},
                  "SIGNING_CERT": "-----BEGIN CERTIFICATE-----MIIB",
                  "RACK_ENV": "production"
                }}
                """;

        AppJson appJson = AppJsonReader.parse(json, "app.json");
        String snapshot = SnapshotJson.write(AppSnapshot.of("app", null,
                new SourceFacts(null, appJson, null, List.of())));

        assertThat(appJson.env()).extracting(EnvSpec::name, EnvSpec::value).containsExactly(
                tuple("DATABASE_URL", null),
                tuple("RACK_ENV", "production"),
                tuple("SECRET_KEY_BASE", null),
                tuple("SIGNING_CERT", null),
                tuple("UPSTREAM", null));
        assertThat(snapshot).contains("production", "SECRET_KEY_BASE")
                .doesNotContain("not-so-secret-default", "pa55word", "Zx8Qp2Lm9Rt4Vw7Ky1Nb3Hc6", "BEGIN");
    }

    @Test
    void parse_missingComma_badInputAtJacksonsLine() {
        String json = "{\n  \"name\": \"x\",\n  \"env\": {\n    \"A\": \"b\"\n    \"C\": \"d\"\n  }\n}\n";

        assertThat(messageOf(() -> AppJsonReader.parse(json, "app.json"))).startsWith("app.json:5: not valid JSON: ");
    }

    @Test
    void parse_unquotedValue_messageDoesNotQuoteIt() {
        String json = "{\n  \"env\": {\n    \"STRIPE\": sk_live_4eC39HqLyjWDarjtT1zdp7dc\n  }\n}";

        assertThat(messageOf(() -> AppJsonReader.parse(json, "app.json")))
                .startsWith("app.json:3: not valid JSON: ").doesNotContain("4eC39HqLyjWDarjtT1zdp7dc");
    }

    @Test
    void parse_textAfterTheObject_badInputAtThatLine() {
        assertThat(messageOf(() -> AppJsonReader.parse("{}\n\n{}", "app.json")))
                .isEqualTo("app.json:3: not valid JSON: more text follows the end of the top-level value");
    }

    @Test
    void parse_emptyFile_badInputForTheWholeFile() {
        assertThat(messageOf(() -> AppJsonReader.parse("  \n", "app.json"))).isEqualTo("app.json: the file is empty");
    }

    @Test
    void parse_topLevelList_badInput() {
        assertThat(messageOf(() -> AppJsonReader.parse("\n[]", "app.json")))
                .isEqualTo("app.json:2: the document must be an object, not a list");
    }

    @Test
    void parse_envIsANumber_badInputNamingPathAndLine() {
        assertThat(messageOf(() -> AppJsonReader.parse("{\n  \"name\": \"x\",\n  \"env\": 3\n}", "app.json")))
                .isEqualTo("app.json:3: \"env\" must be an object, not a number");
    }

    @Test
    void parse_requiredIsAString_badInputNamingNestedPath() {
        String json = "{\"env\": {\n  \"A\": {\n    \"required\": \"yes\"\n  }\n}}";

        assertThat(messageOf(() -> AppJsonReader.parse(json, "app.json")))
                .isEqualTo("app.json:3: \"env.A.required\" must be true or false, not a string");
    }

    @Test
    void parse_fractionalQuantity_badInputNamingFormationPath() {
        String json = "{\n\"formation\": {\"web\": {\n\"quantity\": 1.5}}}";

        assertThat(messageOf(() -> AppJsonReader.parse(json, "app.json")))
                .isEqualTo("app.json:3: \"formation.web.quantity\" must be a whole number, not 1.5");
    }

    @Test
    void parse_quantityAsString_badInputNamingFormationPath() {
        String json = "{\"formation\": {\"web\": {\"quantity\": \"1\"}}}";

        assertThat(messageOf(() -> AppJsonReader.parse(json, "app.json")))
                .isEqualTo("app.json:1: \"formation.web.quantity\" must be a whole number, not a string");
    }

    @Test
    void parse_addonObjectWithoutPlan_badInputNamingTheItem() {
        String json = "{\"addons\": [\n  \"heroku-redis\",\n  {\"as\": \"CACHE\"}\n]}";

        assertThat(messageOf(() -> AppJsonReader.parse(json, "app.json")))
                .isEqualTo("app.json:3: \"addons[1]\" has no \"plan\"");
    }

    @Test
    void parse_buildpackAsString_badInputNamingTheItem() {
        assertThat(messageOf(() -> AppJsonReader.parse("{\"buildpacks\": [\"heroku/ruby\"]}", "app.json")))
                .isEqualTo("app.json:1: \"buildpacks[0]\" must be an object, not a string");
    }

    @Test
    void parse_environmentScriptsAList_badInputNamingThePath() {
        String json = "{\"environments\": {\n\"test\": {\n\"scripts\": [\"x\"]}}}";

        assertThat(messageOf(() -> AppJsonReader.parse(json, "app.json")))
                .isEqualTo("app.json:3: \"environments.test.scripts\" must be an object, not a list");
    }
}
