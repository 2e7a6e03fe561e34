package dev.ferry.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.FerryException;
import dev.ferry.event.FerryEvent;
import dev.ferry.heroku.testing.FakeHerokuApi;
import dev.ferry.heroku.testing.Fault;
import dev.ferry.snapshot.AppSnapshot;
import dev.ferry.snapshot.ConfigVarClass;
import dev.ferry.snapshot.ConfigVarFact;
import dev.ferry.snapshot.HerokuFacts;
import dev.ferry.snapshot.HerokuFacts.AddOnFact;
import dev.ferry.snapshot.HerokuFacts.AppInfo;
import dev.ferry.snapshot.HerokuFacts.AttachmentFact;
import dev.ferry.snapshot.HerokuFacts.DynoSize;
import dev.ferry.snapshot.HerokuFacts.FormationEntry;
import dev.ferry.snapshot.SnapshotJson;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HerokuSnapshotCollectorTest {

    private static final Path FIXTURES = Path.of("src/test/resources/heroku-api");
    private static final HerokuClientSettings FAST = HerokuClientSettings.defaults()
            .withBackoffBase(Duration.ofMillis(1));

    private final List<FerryEvent> events = new CopyOnWriteArrayList<>();
    private FakeHerokuApi fake;

    @BeforeEach
    void startFake() {
        fake = FakeHerokuApi.start().withApp("vast-badlands-production").withApp("vast-badlands-staging")
                .withApp("harbor-shop-production");
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private HerokuFacts collect(String app) {
        HerokuApiClient client = HerokuApiClient.create(HerokuEndpoints.fromEnvironment(fake.environment()),
                HerokuCredential.of(fake.token(), TokenSource.HEROKU_API_KEY), FAST, events::add);
        return new HerokuSnapshotCollector(client).collect(app, events::add);
    }

    @Test
    void collect_tutorialApp_factsAsInTheTutorial() {
        HerokuFacts facts = collect("vast-badlands-production");

        assertThat(facts.app()).isEqualTo(new AppInfo("vast-badlands-production", "heroku-24", "us",
                List.of("heroku/ruby"), "cedar"));
        assertThat(facts.formation()).containsExactly(new FormationEntry("web",
                "bin/rails server -p ${PORT:-5000} -e $RAILS_ENV", 1, "Eco"));
        assertThat(facts.releaseProcessTypes()).isEqualTo(Map.of(
                "web", "bin/rails server -p ${PORT:-5000} -e $RAILS_ENV", "release", "bin/rails db:migrate"));
        assertThat(facts.dynoSizes()).containsExactly(new DynoSize("Eco", 0.5, 1, 0.0));
        assertThat(facts.addOns()).containsExactly(new AddOnFact("2b30c1cc-ff5a-5292-bdb3-bbd89a3b43b2",
                "postgresql-rosy-12345", "heroku-postgresql", "heroku-postgresql:essential-0",
                "vast-badlands-production", List.of(new AttachmentFact("DATABASE", List.of("DATABASE_URL"))), "17",
                "eb631mzx93pn27"));
        assertThat(facts.configVars()).containsExactly(
                new ConfigVarFact("DATABASE_URL", ConfigVarClass.ADDON_OWNED, null),
                new ConfigVarFact("LANG", ConfigVarClass.PLAIN, "en_US.UTF-8"),
                new ConfigVarFact("RACK_ENV", ConfigVarClass.PLAIN, "production"),
                new ConfigVarFact("RAILS_ENV", ConfigVarClass.PLAIN, "production"),
                new ConfigVarFact("RAILS_LOG_TO_STDOUT", ConfigVarClass.PLAIN, "enabled"),
                new ConfigVarFact("RAILS_SERVE_STATIC_FILES", ConfigVarClass.PLAIN, "enabled"),
                new ConfigVarFact("SECRET_KEY_BASE", ConfigVarClass.SECRET, null));
        assertThat(facts.domains()).containsExactly("vast-badlands-production-0a1b2c3d4e5f.herokuapp.com");
    }

    @Test
    void collect_richApp_everyKindOfFact() {
        HerokuFacts facts = collect("harbor-shop-production");

        assertThat(facts.app()).isEqualTo(new AppInfo("harbor-shop-production", "heroku-22", "eu",
                List.of("heroku/nodejs", "heroku/ruby"), "cedar"));
        assertThat(facts.formation()).extracting(FormationEntry::type, FormationEntry::quantity, FormationEntry::size)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("clock", 1, "Standard-1X"),
                        org.assertj.core.groups.Tuple.tuple("mailer_queue", 1, "Performance-M"),
                        org.assertj.core.groups.Tuple.tuple("web", 2, "Standard-2X"),
                        org.assertj.core.groups.Tuple.tuple("worker", 0, "Standard-2X"));
        // the newest release failed: the current one's slug is read
        assertThat(facts.releaseProcessTypes()).containsEntry("release",
                "bin/rails db:migrate && bin/rails cache:clear").hasSize(5);
        assertThat(facts.dynoSizes()).containsExactly(new DynoSize("Performance-M", 2.5, 2, 8.0),
                new DynoSize("Standard-1X", 0.5, 1, 1.0), new DynoSize("Standard-2X", 1.0, 1, 2.0));

        Map<String, AddOnFact> addOns = facts.addOns().stream()
                .collect(Collectors.toMap(AddOnFact::service, a -> a, (a, b) -> a.name().contains("silent") ? b : a));
        assertThat(facts.addOns()).extracting(AddOnFact::name).containsExactly("papertrail-rigid-55667",
                "postgresql-curved-24680", "postgresql-silent-11223", "redis-angular-13579",
                "scheduler-fluffy-33445", "sendgrid-curly-77889");
        AddOnFact postgres = addOns.get("heroku-postgresql");
        assertThat(postgres.attachments()).containsExactly(
                new AttachmentFact("DATABASE", List.of("DATABASE_URL")),
                new AttachmentFact("HEROKU_POSTGRESQL_ONYX", List.of("HEROKU_POSTGRESQL_ONYX_URL")));
        assertThat(postgres.version()).isEqualTo("16");
        assertThat(postgres.plan()).isEqualTo("heroku-postgresql:standard-0");
        AddOnFact shared = facts.addOns().stream().filter(a -> a.name().equals("postgresql-silent-11223"))
                .findFirst().orElseThrow();
        assertThat(shared.ownerApp()).isEqualTo("harbor-analytics");
        assertThat(shared.attachments()).containsExactly(
                new AttachmentFact("ANALYTICS_DATABASE", List.of("ANALYTICS_DATABASE_URL")));
        assertThat(shared.version()).isEqualTo("15");
        assertThat(addOns.get("heroku-redis").attachments()).containsExactly(
                new AttachmentFact("REDIS", List.of("REDIS_TLS_URL", "REDIS_URL")));
        assertThat(addOns.get("heroku-redis").version()).isEqualTo("7.2.4");
        assertThat(addOns.get("scheduler").attachments()).containsExactly(new AttachmentFact("SCHEDULER", List.of()));
        assertThat(addOns.get("scheduler").version()).isNull();
        assertThat(addOns.get("sendgrid").attachments()).containsExactly(new AttachmentFact("SENDGRID",
                List.of("SENDGRID_API_KEY", "SENDGRID_PASSWORD", "SENDGRID_USERNAME")));
        assertThat(addOns.get("papertrail").plan()).isEqualTo("papertrail:choklad");

        Map<String, ConfigVarClass> classes = facts.configVars().stream()
                .collect(Collectors.toMap(ConfigVarFact::name, ConfigVarFact::classification));
        assertThat(classes).containsEntry("ANALYTICS_DATABASE_URL", ConfigVarClass.ADDON_OWNED)
                .containsEntry("HEROKU_POSTGRESQL_ONYX_URL", ConfigVarClass.ADDON_OWNED)
                .containsEntry("REDIS_TLS_URL", ConfigVarClass.ADDON_OWNED)
                .containsEntry("SENDGRID_USERNAME", ConfigVarClass.ADDON_OWNED)
                .containsEntry("HEROKU_APP_NAME", ConfigVarClass.HEROKU_SET)
                .containsEntry("STRIPE_SECRET_KEY", ConfigVarClass.SECRET)
                .containsEntry("SENTRY_DSN", ConfigVarClass.SECRET)
                .containsEntry("TRACKING_ID", ConfigVarClass.SECRET)
                .containsEntry("S3_BUCKET", ConfigVarClass.PLAIN)
                .containsEntry("WEB_CONCURRENCY", ConfigVarClass.PLAIN);
        assertThat(facts.domains()).containsExactly("harbor-shop-production-4c5d6e7f8a9b.herokuapp.com",
                "www.harbor-shop.example");
    }

    @Test
    void collect_eachFixtureApp_noSecretFixtureValueInFactsSnapshotOrEvents() throws IOException {
        for (String app : List.of("vast-badlands-production", "vast-badlands-staging", "harbor-shop-production")) {
            HerokuFacts facts = collect(app);
            String snapshot = SnapshotJson.write(AppSnapshot.of(app, facts, null));
            List<String> secrets = secretFixtureValues(app, facts);
            assertThat(secrets).as("secrets of " + app).hasSizeGreaterThan(2);
            for (String secret : secrets) {
                assertThat(snapshot).as(app + " snapshot").doesNotContain(secret);
                assertThat(facts.toString()).as(app + " facts").doesNotContain(secret);
                assertThat(events.toString()).as(app + " events").doesNotContain(secret);
            }
            assertThat(snapshot + events).doesNotContain(fake.token());
        }
    }

    @Test
    void collect_richAppWithLatency_atMostFourRoundTripsInSequenceAndRoundOneConcurrent() {
        // a latency well above scheduling hiccups on a busy machine, so that requests of one round overlap for sure
        fake.withLatency(Duration.ofMillis(300));
        collect("harbor-shop-production");
        // by design 3: formation pages (2), releases → slug (2), attachments → shared add-on → its data API (3)
        assertThat(fake.roundsInSequence()).isLessThanOrEqualTo(4);
        // round 1 goes out at once: app, formation, releases, attachments, add-ons, config vars, domains,
        // buildpacks, dyno sizes
        assertThat(fake.maxConcurrency()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void collect_unknownApp_oneClearBadInputLine() {
        FerryException failure = catchThrowableOfType(FerryException.class, () -> collect("no-such-app"));
        assertThat(failure.kind()).isEqualTo(FerryException.Kind.BAD_INPUT);
        assertThat(failure.getMessage()).isEqualTo("Heroku app \"no-such-app\" not found");
        assertThat(failure.hint()).isEqualTo("check the name with `heroku apps`");
    }

    @Test
    void collect_twoFactorApp_oneClearLine() {
        fake.fail(Fault.twoFactor().onPath("^/apps/vast-badlands-production$"));
        FerryException failure = catchThrowableOfType(FerryException.class,
                () -> collect("vast-badlands-production"));
        assertThat(failure.getMessage()).contains("two-factor").contains("\"vast-badlands-production\"");
    }

    @Test
    void collect_dataApiFailing_versionMissingButCollectionSucceeds() {
        for (int i = 0; i < FAST.maxAttempts(); i++) {
            fake.fail(Fault.serverError().onPath("^/client/v11/"));
        }
        HerokuFacts facts = collect("vast-badlands-production");
        assertThat(facts.addOns()).singleElement().extracting(AddOnFact::version).isNull();
        assertThat(events).anyMatch(e -> e instanceof FerryEvent.Detail d
                && d.text().contains("could not read the version of postgresql-rosy-12345"));
    }

    @Test
    void collect_transientFaultsOnSeveralRequests_retriedAndComplete() {
        fake.fail(Fault.rateLimited().onPath("/formation"), Fault.serverError().onPath("/config-vars"),
                Fault.connectionReset().onPath("/addons"));
        HerokuFacts facts = collect("vast-badlands-production");
        assertThat(facts.formation()).hasSize(1);
        assertThat(facts.configVars()).hasSize(7);
        assertThat(facts.addOns()).hasSize(1);
    }

    @Test
    void collect_sizeMissingFromTheCatalogue_askedForByNameAndReportedWhenUnknown(@TempDir Path root)
            throws IOException {
        // a copy of the tutorial app whose dyno size the catalogue does not list (served from a folder)
        Path app = root.resolve("vast-badlands-production");
        try (Stream<Path> files = Files.walk(FIXTURES.resolve("vast-badlands-production"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = app.resolve(FIXTURES.resolve("vast-badlands-production").relativize(file));
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Files.createDirectories(root.resolve("_shared"));
        Files.copy(FIXTURES.resolve("_shared/dyno-sizes.json"), root.resolve("_shared/dyno-sizes.json"));
        Path formation = app.resolve("formation.json");
        Files.writeString(formation, Files.readString(formation).replace("\"Eco\"", "\"Shield-M\""));
        fake.close();
        fake = FakeHerokuApi.start(root).withApp("vast-badlands-production");

        HerokuFacts facts = collect("vast-badlands-production");

        assertThat(facts.formation()).singleElement().extracting(FormationEntry::size).isEqualTo("Shield-M");
        assertThat(facts.dynoSizes()).isEmpty();
        assertThat(fake.requests()).anyMatch(r -> r.path().equals("/dyno-sizes/Shield-M") && r.status() == 404);
        assertThat(events).anyMatch(e -> e.toString().contains("dyno size Shield-M is unknown"));
    }

    @Test
    void collect_events_stepFirstThenProgressToTheEnd() {
        collect("vast-badlands-production");
        assertThat(events.get(0)).isEqualTo(new FerryEvent.Step(
                "Collecting information about \"vast-badlands-production\"..."));
        List<FerryEvent.Progress> progress = events.stream().filter(FerryEvent.Progress.class::isInstance)
                .map(FerryEvent.Progress.class::cast).toList();
        assertThat(progress).isNotEmpty();
        FerryEvent.Progress last = progress.get(progress.size() - 1);
        assertThat(last.done()).isEqualTo(last.total()).isEqualTo(fake.requestCount());
    }

    /** Values in the app's fixtures that must never come out: non-plain config vars, data API URLs and passwords. */
    private static List<String> secretFixtureValues(String app, HerokuFacts facts) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode configVars = json.readTree(FIXTURES.resolve(app + "/config-vars.json").toFile());
        Set<String> plain = facts.configVars().stream().filter(c -> c.classification() == ConfigVarClass.PLAIN)
                .map(ConfigVarFact::name).collect(Collectors.toSet());
        List<String> secrets = new ArrayList<>();
        configVars.properties().forEach(e -> {
            if (!plain.contains(e.getKey()) && !e.getKey().equals("HEROKU_APP_NAME")) {
                secrets.add(e.getValue().asText());
                addPassword(secrets, e.getValue().asText());
            }
        });
        try (Stream<Path> data = Files.walk(FIXTURES.resolve(app + "/data"))) {
            for (Path file : data.filter(Files::isRegularFile).toList()) {
                String url = json.readTree(file.toFile()).path("resource_url").asText();
                secrets.add(url);
                addPassword(secrets, url);
            }
        }
        return secrets;
    }

    private static void addPassword(List<String> secrets, String value) {
        try {
            String userInfo = URI.create(value).getUserInfo();
            if (userInfo != null && userInfo.contains(":")) {
                secrets.add(userInfo.substring(userInfo.indexOf(':') + 1));
            }
        } catch (IllegalArgumentException notAUri) {
            // not a URL: the whole value is already listed
        }
    }
}
