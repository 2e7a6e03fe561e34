package dev.ferry.provider.aws.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.provider.LogOptions;
import dev.ferry.provider.aws.AwsClients;
import dev.ferry.provider.aws.testing.FakeAws;
import dev.ferry.provider.aws.testing.OpsLogsFake;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path dir;

    private final FakeAws aws = new FakeAws();
    private final AwsClients clients = new AwsClients(aws.env());
    private OpsLogsFake logs;
    private LoadedCompose compose;

    @BeforeEach
    void deployed() {
        compose = OpsFixtures.load(dir);
        ServiceStatesTest.deployedShop(aws);
        long t = NOW.toEpochMilli();
        logs = OpsLogsFake.on(aws, "/ferry/shop/beta").pageSize(2)
                .line("release", t - 3_600_000, "Running migrations")
                .line("web", t - 600_000, "Puma starting\n")
                .line("worker", t - 500_000, "worker ready")
                .line("web", t - 400_000, "GET / 200")
                .line("web", t - 300_000, "GET /health 200");
    }

    @AfterEach
    void close() {
        clients.close();
        aws.close();
    }

    private LogTail tail() {
        return new LogTail(clients.logs(), clients.cloudFormation(), Duration.ofMillis(50), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void logs_all_everyLineInTimeOrderPrefixedByItsService() {
        OpsFixtures.Events events = new OpsFixtures.Events();
        tail().logs(compose, OpsFixtures.SETTINGS, new LogOptions(List.of(), false, -1, null), events);
        assertThat(events.logLines()).containsExactly("release | Running migrations", "web | Puma starting",
                "worker | worker ready", "web | GET / 200", "web | GET /health 200");
        assertThat(aws.unexpected()).isEmpty();
    }

    @Test
    void logs_servicesSinceAndTail_filterByStreamPrefixStartTimeAndLastLines() throws Exception {
        OpsFixtures.Events events = new OpsFixtures.Events();
        tail().logs(compose, OpsFixtures.SETTINGS, new LogOptions(List.of("web"), false, 2, "20m"), events);

        assertThat(events.logLines()).containsExactly("web | GET / 200", "web | GET /health 200");
        FakeAws.Request first = aws.requests("Logs_20140328.FilterLogEvents").get(0);
        var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first.body());
        assertThat(body.path("logGroupName").asText()).isEqualTo("/ferry/shop/beta");
        assertThat(body.path("logStreamNamePrefix").asText()).isEqualTo("web/");
        assertThat(body.path("startTime").asLong()).isEqualTo(NOW.minus(Duration.ofMinutes(20)).toEpochMilli());
    }

    @Test
    void logs_unknownService_isBadInputNamingTheServices() {
        assertThatThrownBy(() -> tail().logs(compose, OpsFixtures.SETTINGS,
                new LogOptions(List.of("wbe"), false, -1, null), new OpsFixtures.Events()))
                .isInstanceOf(FerryException.class).hasMessageContaining("no service \"wbe\"");
    }

    @Test
    void logs_follow_showsNewLinesOnceAndStopsOnInterrupt() throws Exception {
        OpsFixtures.Events events = new OpsFixtures.Events();
        Thread follower = new Thread(() -> tail().logs(compose, OpsFixtures.SETTINGS,
                new LogOptions(List.of(), true, 1, "2h"), events));
        follower.start();
        waitFor(() -> events.logLines().size() >= 3);
        // a line at the newest timestamp seen already (the next poll starts there) and a later one
        logs.line("worker", NOW.toEpochMilli() - 300_000, "same millisecond, new event");
        logs.line("web", NOW.toEpochMilli() + 1_000, "GET /later 200");
        waitFor(() -> events.logLines().size() >= 5);
        Thread.sleep(200); // several more polls: nothing may repeat

        follower.interrupt();
        follower.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(follower.isAlive()).as("follow stops when interrupted").isFalse();
        assertThat(events.logLines()).containsExactly("release | Running migrations", "worker | worker ready",
                "web | GET /health 200", "worker | same millisecond, new event", "web | GET /later 200");
        assertThat(aws.requests("Logs_20140328.FilterLogEvents").size()).isGreaterThan(3);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}
