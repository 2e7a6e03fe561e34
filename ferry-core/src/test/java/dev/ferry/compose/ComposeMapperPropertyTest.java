package dev.ferry.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.snapshot.AppSnapshot;
import dev.ferry.snapshot.ConfigVarClass;
import dev.ferry.snapshot.ConfigVarClassifier;
import dev.ferry.snapshot.ConfigVarFact;
import dev.ferry.snapshot.HerokuFacts;
import dev.ferry.snapshot.HerokuFacts.AddOnFact;
import dev.ferry.snapshot.HerokuFacts.AttachmentFact;
import dev.ferry.snapshot.HerokuFacts.FormationEntry;
import dev.ferry.testing.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Seeded random apps (odd process names, tricky plain values, secrets, any catalog add-on): whatever the snapshot,
 * the compose file validates, names are distinct DNS labels, every dependency exists, plain values survive YAML and
 * Compose escaping, no secret value is written anywhere, and the output is the same twice.
 */
class ComposeMapperPropertyTest {

    private static final int APPS = 150;
    private static final List<String> SIZES = List.of("Eco", "Basic", "Standard-2X", "Performance-L", "Private-M",
            "Shield-XL", "dyno-2c-8gb", "Odd-Size");
    private static final List<String> ADD_ONS = List.of("heroku-postgresql", "heroku-redis", "rediscloud",
            "memcachier", "cloudamqp", "bonsai", "searchbox", "sendgrid", "papertrail", "scheduler", "mystery-saas");
    private static final List<String> PLAIN_VALUES = List.of("production", "yes", "no", "5000", "a: b", "#x",
            "costs $5", "${HOME}", "\"quoted\"", "back\\slash", "multi\nline", "", " padded ", "ünï", "[1, 2]");

    @Test
    void map_randomApps_validDeterministicAndSecretFree() {
        Random random = new Random(20261125);
        for (int i = 0; i < APPS; i++) {
            List<String> secrets = new ArrayList<>();
            Map<String, String> plain = new TreeMap<>();
            AppSnapshot snapshot = randomApp(random, secrets, plain);
            MappingResult result = ComposeMapper.map(snapshot);
            String yaml = ComposeYamlWriter.write(result.project());
            String markdown = MigrationReportWriter.markdown(result.report());
            String text = MigrationReportWriter.text(result.report());
            String where = "app " + i + ":\n" + yaml;

            assertThat(Schemas.composeErrors(yaml)).as(where).isEmpty();
            assertThat(ComposeYamlWriter.write(ComposeMapper.map(snapshot).project())).isEqualTo(yaml);
            Set<String> names = new TreeSet<>();
            for (ComposeService service : result.project().services()) {
                assertThat(names.add(service.name())).as(where).isTrue();
                assertThat(service.name()).matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
            }
            for (ComposeService service : result.project().services()) {
                service.dependsOn().forEach(d -> assertThat(names).as(where).contains(d.service()));
            }
            Map<?, ?> web = loadedService(yaml, "web");
            if (web != null) {
                Map<?, ?> env = (Map<?, ?>) web.get("environment");
                plain.forEach((name, value) -> assertThat(env.get(name)).as(where + name)
                        .isEqualTo(ComposeText.literal(value)));
            }
            for (String secret : secrets) {
                assertThat(yaml).as(where).doesNotContain(secret);
                assertThat(markdown).doesNotContain(secret);
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    private static AppSnapshot randomApp(Random random, List<String> secrets, Map<String, String> plain) {
        List<FormationEntry> formation = new ArrayList<>();
        Set<String> types = new TreeSet<>();
        types.add("web");
        int extra = random.nextInt(4);
        for (int i = 0; i < extra; i++) {
            types.add(randomName(random));
        }
        for (String type : types) {
            formation.add(new FormationEntry(type, "run " + type + " --port ${PORT:-5000} \"$X\" | tee",
                    random.nextInt(4), SIZES.get(random.nextInt(SIZES.size()))));
        }
        Map<String, String> slug = random.nextBoolean() ? Map.of("release", "bin/release $RELEASE") : Map.of();

        List<AddOnFact> addOns = new ArrayList<>();
        Set<String> owned = new TreeSet<>();
        for (int i = 0; i < random.nextInt(5); i++) {
            String service = ADD_ONS.get(random.nextInt(ADD_ONS.size()));
            String var = service.toUpperCase().replace('-', '_') + "_" + i + "_URL";
            owned.add(var);
            addOns.add(new AddOnFact("id-" + i, service + "-" + i, service, service + ":plan", 
                    random.nextInt(5) == 0 ? "other-app" : "rand-app",
                    List.of(new AttachmentFact(i == 0 ? "DATABASE" : "ATT_" + i, List.of(var))),
                    random.nextBoolean() ? "16.2" : null));
            secrets.add("pw" + Long.toHexString(random.nextLong()) + "Zq9");
        }
        List<ConfigVarFact> config = new ArrayList<>();
        owned.forEach(name -> config.add(new ConfigVarFact(name, ConfigVarClass.ADDON_OWNED, null)));
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
            String name = "VAR_" + i;
            String value = PLAIN_VALUES.get(random.nextInt(PLAIN_VALUES.size()));
            if (ConfigVarClassifier.classify(name, value, owned) == ConfigVarClass.PLAIN) {
                config.add(new ConfigVarFact(name, ConfigVarClass.PLAIN, value));
                plain.put(name, value);
            }
        }
        for (int i = 0; i < random.nextInt(4); i++) {
            String value = "sk_" + Long.toHexString(random.nextLong()) + Long.toString(random.nextLong(), 36);
            String name = "SERVICE_" + i + "_TOKEN";
            ConfigVarClass kind = ConfigVarClassifier.classify(name, value, owned);
            config.add(new ConfigVarFact(name, kind, kind == ConfigVarClass.PLAIN ? value : null));
            secrets.add(value);
        }
        config.add(new ConfigVarFact("HEROKU_SLUG_COMMIT", ConfigVarClass.HEROKU_SET, null));
        HerokuFacts heroku = new HerokuFacts(new HerokuFacts.AppInfo("rand-app", "heroku-24", "us", List.of(),
                "cedar"), formation, slug, List.of(), addOns, config, List.of());
        return AppSnapshot.of("rand-app", heroku, null);
    }

    private static String randomName(Random random) {
        String alphabet = "abcXYZ019_-";
        StringBuilder name = new StringBuilder();
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 80 : 12);
        for (int i = 0; i < length; i++) {
            name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return name.toString();
    }

    private static Map<?, ?> loadedService(String yaml, String name) {
        Map<?, ?> document = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
        return (Map<?, ?>) ((Map<?, ?>) document.get("services")).get(name);
    }
}
