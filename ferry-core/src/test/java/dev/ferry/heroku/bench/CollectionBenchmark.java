package dev.ferry.heroku.bench;

import dev.ferry.event.EventSink;
import dev.ferry.heroku.HerokuApiClient;
import dev.ferry.heroku.HerokuClientSettings;
import dev.ferry.heroku.HerokuCredential;
import dev.ferry.heroku.HerokuEndpoints;
import dev.ferry.heroku.HerokuSnapshotCollector;
import dev.ferry.heroku.TokenSource;
import dev.ferry.heroku.testing.FakeHerokuApi;
import dev.ferry.init.InitResult;
import dev.ferry.init.InitWorkflow;
import dev.ferry.snapshot.HerokuFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Collects a generated large app (40 process types, 15 add-ons, 300 config vars) from the fake Heroku API with
 * 100 ms added to every request, and prints the wall time and the round trips in sequence. Not a test: a figure to
 * watch. Run it with bench/init.sh. Exit status 1 when the collection needs more than 4 round trips in sequence.
 */
public final class CollectionBenchmark {

    static final int PROCESS_TYPES = 40;
    static final int ADD_ONS = 15;
    static final int CONFIG_VARS = 300;
    static final Duration LATENCY = Duration.ofMillis(100);
    static final int MAX_ROUNDS = 4;

    private CollectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path fixtures = Files.createTempDirectory("ferry-bench-");
        try {
            String app = GeneratedApp.write(fixtures, PROCESS_TYPES, ADD_ONS, CONFIG_VARS);
            System.out.printf("ferry init benchmark (collect, map, write): %d process types, %d add-ons, %d config vars; "
                    + "the fake Heroku API adds %d ms to every request%n", PROCESS_TYPES, ADD_ONS, CONFIG_VARS,
                    LATENCY.toMillis());
            int worstRounds = 0;
            try (FakeHerokuApi fake = FakeHerokuApi.start(fixtures).withApp(app).withLatency(LATENCY)) {
                // the fake checks every answer against the schema; doing it once first keeps that test-side
                // warm-up out of ferry's cold figure
                if (!fake.checkFixtures().isEmpty()) {
                    throw new IllegalStateException("generated fixtures do not match the schema: "
                            + fake.violations());
                }
                for (String run : new String[] {"first run (cold)", "second run", "third run"}) {
                    fake.resetCounters();
                    long start = System.nanoTime();
                    HerokuFacts facts = init(fake, app, fixtures.resolve("out"));
                    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                    worstRounds = Math.max(worstRounds, fake.roundsInSequence());
                    System.out.printf("  %-21s %4d ms wall, %d round trips in sequence, %d requests (at most %d at "
                                    + "once); read %d process types, %d add-ons, %d config vars%n", run + ":", millis,
                            fake.roundsInSequence(), fake.requestCount(), fake.maxConcurrency(),
                            facts.formation().size(), facts.addOns().size(), facts.configVars().size());
                    if (args.length > 0 && args[0].equals("--timeline")) {
                        printTimeline(fake);
                    }
                }
            }
            boolean ok = worstRounds <= MAX_ROUNDS;
            System.out.printf("target: at most %d round trips in sequence (%d x %d ms = %d ms of latency): %s%n",
                    MAX_ROUNDS, MAX_ROUNDS, LATENCY.toMillis(), MAX_ROUNDS * LATENCY.toMillis(),
                    ok ? "met" : "MISSED (" + worstRounds + ")");
            if (!ok) {
                System.exit(1);
            }
        } finally {
            try (Stream<Path> files = Files.walk(fixtures)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Each request's start and end in ms from the first start: shows which ones overlapped. */
    private static void printTimeline(FakeHerokuApi fake) {
        var requests = fake.requests().stream()
                .sorted(Comparator.comparingLong(FakeHerokuApi.RecordedRequest::startNanos)).toList();
        long origin = requests.get(0).startNanos();
        for (var request : requests) {
            System.out.printf("      %5d..%5d ms  %s %s%n", (request.startNanos() - origin) / 1_000_000,
                    (request.endNanos() - origin) / 1_000_000, request.method(), request.path());
        }
    }

    /** The whole of `ferry init --from heroku` past the token: collect, map, write compose, report and snapshot. */
    private static HerokuFacts init(FakeHerokuApi fake, String app, Path out) {
        HerokuApiClient client = HerokuApiClient.create(HerokuEndpoints.fromEnvironment(fake.environment()),
                HerokuCredential.of(fake.token(), TokenSource.HEROKU_API_KEY), HerokuClientSettings.defaults(),
                EventSink.NONE);
        InitResult result = InitWorkflow.fromHeroku(new HerokuSnapshotCollector(client), app, null,
                out.resolve("compose.yaml"), true, EventSink.NONE);
        return result.snapshot().heroku();
    }
}
