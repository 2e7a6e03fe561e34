package dev.ferry.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.FerryException;
import dev.ferry.event.FerryEvent;
import dev.ferry.heroku.testing.FakeHerokuApi;
import dev.ferry.heroku.testing.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HerokuApiClientTest {

    private static final HerokuClientSettings FAST = HerokuClientSettings.defaults()
            .withBackoffBase(Duration.ofMillis(1));

    private final List<FerryEvent> events = new CopyOnWriteArrayList<>();
    private FakeHerokuApi fake;

    @BeforeEach
    void startFake() {
        fake = FakeHerokuApi.start().withApp("vast-badlands-staging").withApp("vast-badlands-production")
                .withApp("harbor-shop-production");
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private HerokuApiClient client(HerokuClientSettings settings) {
        return client(settings, fake.token());
    }

    private HerokuApiClient client(HerokuClientSettings settings, String token) {
        return HerokuApiClient.create(HerokuEndpoints.fromEnvironment(fake.environment()),
                HerokuCredential.of(token, TokenSource.HEROKU_API_KEY), settings, events::add);
    }

    @Test
    void listApps_accountWithThreeApps_sortedNames() {
        assertThat(client(FAST).listApps())
                .containsExactly("harbor-shop-production", "vast-badlands-production", "vast-badlands-staging");
        FakeHerokuApi.RecordedRequest request = fake.requests().get(0);
        assertThat(request.range()).isEqualTo("name ..; max=1000");
        assertThat(request.accept()).isEqualTo("application/vnd.heroku+json; version=3");
        assertThat(request.userAgent()).startsWith("ferry/");
    }

    @Test
    void secretConfigVars_tutorialApp_onlySecretsNotOwnedByAddOns() {
        var secrets = client(FAST).secretConfigVars("vast-badlands-production");
        assertThat(secrets.keySet()).containsExactly("SECRET_KEY_BASE"); // DATABASE_URL belongs to heroku-postgresql
        assertThat(secrets.get("SECRET_KEY_BASE")).hasSize(128);
        assertThat(fake.violations()).isEmpty();
        assertThat(events.toString()).doesNotContain(secrets.get("SECRET_KEY_BASE"));
    }

    @Test
    void configVar_presentAndAbsent_valueOrEmpty() {
        HerokuApiClient client = client(FAST);

        assertThat(client.configVar("vast-badlands-production", "DATABASE_URL")).get().asString()
                .startsWith("postgres://u5d2f9c3a1b7e4:");
        assertThat(client.configVar("vast-badlands-production", "REDIS_URL")).isEmpty();
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void databaseUrlVarNames_appWithSeveralAttachments_sortedNamesOfUrlVarsOnly() {
        assertThat(client(FAST).databaseUrlVarNames("harbor-shop-production")).containsExactly(
                "ANALYTICS_DATABASE_URL", "DATABASE_URL", "HEROKU_POSTGRESQL_ONYX_URL", "REDIS_TLS_URL", "REDIS_URL");
    }

    @Test
    void requests_eachOne_hasItsOwnRequestId() {
        HerokuApiClient client = client(FAST);
        client.listApps();
        client.listApps();
        assertThat(fake.requests()).extracting(FakeHerokuApi.RecordedRequest::requestId).doesNotHaveDuplicates()
                .hasSize(2);
    }

    @Test
    void list_formationServedTwoPerPage_followsNextRangeToTheEnd() {
        List<String> types = HerokuApiClient.await(client(FAST).list("harbor-shop-production",
                "/apps/harbor-shop-production/formation")).stream().map(f -> f.path("type").asText()).toList();
        assertThat(types).containsExactlyInAnyOrder("web", "worker", "clock", "mailer_queue");
        assertThat(fake.requests()).hasSize(2);
        assertThat(fake.requests().get(1).range()).startsWith("id ]");
    }

    @Test
    void listApps_rateLimitedOnce_retriesAndSucceeds() {
        fake.fail(Fault.rateLimited());
        assertThat(client(FAST).listApps()).hasSize(3);
        assertThat(fake.requests()).extracting(FakeHerokuApi.RecordedRequest::status).containsExactly(429, 200);
        assertThat(events).anyMatch(e -> e.toString().contains("429") && e.toString().contains("retrying"));
    }

    @Test
    void listApps_retryAfterGiven_waitsThatLong() {
        fake.fail(Fault.rateLimited(Duration.ofSeconds(1)));
        long start = System.nanoTime();
        assertThat(client(FAST).listApps()).hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void listApps_serverErrorOnce_retriesAndSucceeds() {
        fake.fail(Fault.serverError());
        assertThat(client(FAST).listApps()).hasSize(3);
        assertThat(fake.requests()).extracting(FakeHerokuApi.RecordedRequest::status).containsExactly(500, 200);
    }

    @Test
    void listApps_connectionResetOnce_retriesAndSucceeds() {
        fake.fail(Fault.connectionReset());
        assertThat(client(FAST).listApps()).hasSize(3);
        assertThat(fake.requests()).extracting(FakeHerokuApi.RecordedRequest::status).containsExactly(-1, 200);
    }

    @Test
    void listApps_rateLimitedEveryTime_givesUpAfterTheBoundWithOneClearLine() {
        fake.fail(Fault.rateLimited(), Fault.rateLimited(), Fault.rateLimited(), Fault.rateLimited(),
                Fault.rateLimited());
        FerryException failure = catchThrowableOfType(FerryException.class,
                () -> client(FAST.withMaxAttempts(3)).listApps());
        assertThat(failure.kind()).isEqualTo(FerryException.Kind.FAILED);
        assertThat(failure.getMessage()).contains("rate limit").contains("after 3 attempts").doesNotContain("\n");
        assertThat(fake.requestCount()).isEqualTo(3);
    }

    @Test
    void object_rejectedToken_environmentErrorSayingHerokuLoginWithoutTheToken() {
        String wrongToken = "HRKU-0123456789abcdef0123456789abcdef";
        FerryException failure = catchThrowableOfType(FerryException.class, () -> HerokuApiClient.await(
                client(FAST, wrongToken).object("vast-badlands-production", "/apps/vast-badlands-production")));
        assertThat(failure.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
        assertThat(failure.getMessage()).isEqualTo("Heroku rejected the API token from the HEROKU_API_KEY "
                + "environment variable while reading Heroku app \"vast-badlands-production\"");
        assertThat(failure.hint()).contains("heroku login").contains("HEROKU_API_KEY");
        assertNoSecret(failure, wrongToken);
    }

    @Test
    void object_unauthorizedFault_sameClearLine() {
        fake.fail(Fault.unauthorized());
        FerryException failure = catchThrowableOfType(FerryException.class, () -> HerokuApiClient.await(
                client(FAST).object("vast-badlands-production", "/apps/vast-badlands-production")));
        assertThat(failure.getMessage()).startsWith("Heroku rejected the API token");
        assertNoSecret(failure, fake.token());
    }

    @Test
    void object_unknownApp_badInputNamingTheAppAndHerokuApps() {
        FerryException failure = catchThrowableOfType(FerryException.class, () -> HerokuApiClient.await(
                client(FAST).object("no-such-app", "/apps/no-such-app")));
        assertThat(failure.kind()).isEqualTo(FerryException.Kind.BAD_INPUT);
        assertThat(failure.getMessage()).isEqualTo("Heroku app \"no-such-app\" not found");
        assertThat(failure.hint()).isEqualTo("check the name with `heroku apps`");
        assertNoSecret(failure, fake.token());
    }

    @Test
    void object_notFoundFault_sameClearLine() {
        fake.fail(Fault.notFound());
        FerryException failure = catchThrowableOfType(FerryException.class, () -> HerokuApiClient.await(
                client(FAST).object("vast-badlands-production", "/apps/vast-badlands-production")));
        assertThat(failure.getMessage()).isEqualTo("Heroku app \"vast-badlands-production\" not found");
    }

    @Test
    void object_twoFactorRequired_saysLoginThenRetry() {
        fake.fail(Fault.twoFactor());
        FerryException failure = catchThrowableOfType(FerryException.class, () -> HerokuApiClient.await(
                client(FAST).object("vast-badlands-production", "/apps/vast-badlands-production")));
        assertThat(failure.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
        assertThat(failure.getMessage())
                .isEqualTo("Heroku app \"vast-badlands-production\" requires two-factor authentication");
        assertThat(failure.hint()).contains("heroku login").contains("retry");
        assertNoSecret(failure, fake.token());
    }

    @Test
    void object_forbidden_saysWhoToAsk() {
        fake.fail(Fault.forbidden());
        FerryException failure = catchThrowableOfType(FerryException.class, () -> HerokuApiClient.await(
                client(FAST).object("vast-badlands-production", "/apps/vast-badlands-production")));
        assertThat(failure.getMessage()).startsWith("Your Heroku account has no access to Heroku app "
                + "\"vast-badlands-production\"");
        assertThat(failure.hint()).contains("collaborator");
    }

    @Test
    void object_slowAnswer_timesOutWithAClearLine() {
        fake.fail(Fault.slow(Duration.ofSeconds(3)));
        FerryException failure = catchThrowableOfType(FerryException.class, () -> HerokuApiClient.await(
                client(FAST.withRequestTimeout(Duration.ofMillis(300)))
                        .object("vast-badlands-production", "/apps/vast-badlands-production")));
        assertThat(failure.kind()).isEqualTo(FerryException.Kind.FAILED);
        assertThat(failure.getMessage()).isEqualTo("The Heroku API did not answer within 300 ms "
                + "(GET /apps/vast-badlands-production for Heroku app \"vast-badlands-production\")");
        assertThat(failure.hint()).contains("network");
        assertNoSecret(failure, fake.token());
    }

    @Test
    void listApps_serverUnreachable_clearLineAfterRetries() {
        String url = fake.url();
        fake.close();
        HerokuApiClient client = HerokuApiClient.create(
                HerokuEndpoints.fromEnvironment(java.util.Map.of("HEROKU_API_URL", url)),
                HerokuCredential.of("HRKU-x", TokenSource.NETRC), FAST.withMaxAttempts(2), events::add);
        FerryException failure = catchThrowableOfType(FerryException.class, client::listApps);
        assertThat(failure.getMessage()).startsWith("Could not reach the Heroku API at 127.0.0.1 after 2 attempts");
        assertThat(failure.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT); // exit 3: the network, not the request
        fake = FakeHerokuApi.start();
    }

    @Test
    void events_duringRetries_neverCarryTheToken() {
        fake.fail(Fault.serverError(), Fault.rateLimited(), Fault.connectionReset());
        client(FAST).listApps();
        assertThat(events).isNotEmpty().noneMatch(e -> e.toString().contains(fake.token()));
    }

    /** The token appears nowhere: message, hint, toString, stack trace with causes. */
    static void assertNoSecret(Throwable failure, String secret) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(secret);
        if (failure instanceof FerryException ferry && ferry.hint() != null) {
            assertThat(ferry.hint()).doesNotContain(secret);
        }
    }
}
