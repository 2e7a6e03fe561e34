package dev.ferry.data.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.FerryException;
import dev.ferry.data.ConnectionUrl;
import dev.ferry.data.DataEndpoint;
import dev.ferry.event.FerryEvent;
import dev.ferry.heroku.HerokuApiClient;
import dev.ferry.heroku.HerokuClientSettings;
import dev.ferry.heroku.HerokuCredential;
import dev.ferry.heroku.HerokuEndpoints;
import dev.ferry.heroku.TokenSource;
import dev.ferry.heroku.testing.FakeHerokuApi;
import dev.ferry.snapshot.ConfigVarClass;
import dev.ferry.snapshot.ConfigVarClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HerokuSourceResolverTest {

    private final List<FerryEvent> events = new CopyOnWriteArrayList<>();
    private FakeHerokuApi fake;
    private HerokuApiClient client;

    @BeforeEach
    void startFake() {
        fake = FakeHerokuApi.start().withApp("vast-badlands-production").withApp("harbor-shop-production");
        client = HerokuApiClient.create(HerokuEndpoints.fromEnvironment(fake.environment()),
                HerokuCredential.of(fake.token(), TokenSource.HEROKU_API_KEY), HerokuClientSettings.defaults(),
                events::add);
    }

    @AfterEach
    void stopFake() {
        assertThat(fake.violations()).isEmpty();
        fake.close();
    }

    @Test
    void resolve_tutorialAppDatabase_databaseUrlMarkedFromHeroku() {
        DataEndpoint endpoint = new HerokuSourceResolver(client, "vast-badlands-production", AttachmentName.DATABASE).resolve();

        assertThat(endpoint.fromHeroku()).isTrue();
        assertThat(endpoint.herokuHosted()).isTrue();
        assertThat(endpoint.url().isPostgres()).isTrue();
        assertThat(endpoint.url().place()).isEqualTo("ec2-3-210-173-88.compute-1.amazonaws.com:5432/eb631mzx93pn27");
        assertThat(endpoint.url().password()).startsWith("p4e8c1f7");
        assertThat(fake.requests()).extracting(FakeHerokuApi.RecordedRequest::path)
                .containsExactly("/apps/vast-badlands-production/config-vars");
        assertNoSecretIn("vast-badlands-production", endpoint.toString() + events);
    }

    @Test
    void resolve_secondPostgresAttachment_readsItsOwnVar() {
        HerokuSourceResolver resolver = new HerokuSourceResolver(client, "harbor-shop-production",
                AttachmentName.parse("heroku_postgresql_onyx"));

        DataEndpoint endpoint = resolver.resolve();

        assertThat(resolver.varName()).isEqualTo("HEROKU_POSTGRESQL_ONYX_URL");
        assertThat(endpoint.url().path()).isEqualTo("dfk39s0a2mq7vx");
    }

    @Test
    void resolve_redisAttachmentGivenAsVarName_redisEndpoint() {
        DataEndpoint endpoint = new HerokuSourceResolver(client, "harbor-shop-production", AttachmentName.parse("REDIS_URL")).resolve();

        assertThat(endpoint.url().isRedis()).isTrue();
        assertThat(endpoint.url().port()).isEqualTo(16379);
        assertThat(endpoint.fromHeroku()).isTrue();
    }

    @Test
    void resolve_unknownAttachment_badInputListingDatabaseVarNamesOnly() {
        FerryException failure = catchThrowableOfType(FerryException.class,
                () -> new HerokuSourceResolver(client, "harbor-shop-production", AttachmentName.parse("FOLLOWER")).resolve());

        assertThat(failure.kind()).isEqualTo(FerryException.Kind.BAD_INPUT);
        assertThat(failure.getMessage()).isEqualTo("--attachment: the Heroku app harbor-shop-production has no"
                + " attachment FOLLOWER (no config var FOLLOWER_URL; its database URLs: ANALYTICS_DATABASE_URL,"
                + " DATABASE_URL, HEROKU_POSTGRESQL_ONYX_URL, REDIS_TLS_URL, REDIS_URL)")
                .doesNotContain("SECRET_KEY_BASE").doesNotContain("\n");
        assertThat(failure.hint()).isEqualTo("give --attachment with one of them (e.g. --attachment"
                + " ANALYTICS_DATABASE)");
        assertNoSecretIn("harbor-shop-production", failure.getMessage() + failure.hint() + events);
    }

    @Test
    void resolve_varHoldingNoUrl_badInputWithoutItsValue() {
        FerryException failure = catchThrowableOfType(FerryException.class,
                () -> new HerokuSourceResolver(client, "harbor-shop-production", AttachmentName.parse("SENTRY_DSN")).resolve());

        assertThat(failure.kind()).isEqualTo(FerryException.Kind.BAD_INPUT);
        assertThat(failure.getMessage()).contains("SENTRY_DSN");
        assertNoSecretIn("harbor-shop-production", failure.getMessage() + failure.hint());
    }

    /** Fails when any secret value of the app's fixture config vars appears in {@code text}. */
    static void assertNoSecretIn(String app, String text) {
        for (String secret : secretValues(app)) {
            assertThat(text).doesNotContain(secret);
            if (secret.matches("^(postgres|redis|rediss)://.*")) {
                assertThat(text).doesNotContain(ConnectionUrl.parse(secret, "fixture").password());
            }
        }
    }

    static List<String> secretValues(String app) {
        try (InputStream in = HerokuSourceResolverTest.class.getResourceAsStream(
                "/heroku-api/" + app + "/config-vars.json")) {
            JsonNode vars = new ObjectMapper().readTree(in);
            List<String> secrets = new ArrayList<>();
            vars.fields().forEachRemaining(entry -> {
                String value = entry.getValue().asText();
                if (ConfigVarClassifier.classify(entry.getKey(), value, Set.of()) == ConfigVarClass.SECRET) {
                    secrets.add(value);
                }
            });
            assertThat(secrets).isNotEmpty();
            return secrets;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
