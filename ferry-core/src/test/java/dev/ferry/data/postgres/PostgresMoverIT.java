package dev.ferry.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import dev.ferry.data.DataEndpoint;
import dev.ferry.data.MovePlan;
import dev.ferry.data.MoveRequest;
import dev.ferry.data.MoveResult;
import dev.ferry.data.RunState;
import dev.ferry.data.SourceResolver;
import dev.ferry.data.ConnectionUrl;
import dev.ferry.data.testing.PgTestServer;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real pg_dump, pg_restore and two real PostgreSQL servers on loopback. */
class PostgresMoverIT {

    private static PgTestServer sourceServer;
    private static PgTestServer targetServer;
    private static String source;

    private final PostgresMover mover = new PostgresMover(Map.of());
    private final List<FerryEvent> events = new CopyOnWriteArrayList<>();

    @TempDir
    Path work;

    @BeforeAll
    static void startServers() throws Exception {
        sourceServer = PgTestServer.start("source");
        targetServer = PgTestServer.start("target");
        source = "src";
        PgFixtures.seed(sourceServer, source);
    }

    @AfterAll
    static void stopServers() {
        if (sourceServer != null) {
            sourceServer.close();
        }
        if (targetServer != null) {
            targetServer.close();
        }
    }

    @Test
    void move_emptyTarget_copiesEveryTypeExtensionsAndLargeObjectsAndVerifies() throws Exception {
        String target = newTarget();
        MovePlan plan = mover.plan(request(target, 1, false, false));
        assertThat(plan.items()).isEqualTo(3);
        assertThat(plan.summary()).startsWith("3 tables, ").endsWith(", less than a minute");
        assertThat(plan.toDrop()).isEmpty();
        assertThat(plan.notes()).anyMatch(n -> n.contains("heroku_ext"));

        MoveResult result = mover.move(plan, events::add);

        assertThat(result.verification().passed()).as(result.verification().differences().toString()).isTrue();
        assertThat(result.verification().checks()).extracting(c -> c.subject()).contains("table public.everything",
                "table billing.invoices", "table public.no_key", "sequence public.standalone",
                "sequence public.everything_id_seq", "large objects");
        assertThat(result.bytes()).isPositive();
        assertThat(steps()).anyMatch(s -> s.startsWith("copied public.everything: ") && s.contains("rows/s"));
        try (Connection c = targetServer.connect(target); Statement s = c.createStatement()) {
            // heroku_ext is back on the search_path: unqualified extension types work in a new session
            assertThat(one(s, "SELECT ('a=>1'::hstore -> 'a') || ':' || ('X'::citext = 'x')::text")).isEqualTo("1:true");
            assertThat(one(s, "SELECT string_agg(extname || '@' || extnamespace::regnamespace, ',' ORDER BY extname)"
                    + " FROM pg_extension WHERE extname <> 'plpgsql'"))
                    .isEqualTo("citext@heroku_ext,hstore@heroku_ext,pg_stat_statements@heroku_ext,"
                            + "pg_trgm@heroku_ext,uuid-ossp@heroku_ext");
            assertThat(one(s, "SELECT convert_from(lo_get(doc), 'UTF8') FROM billing.invoices WHERE id = 2"))
                    .isEqualTo("invoice 2".repeat(2000));
            assertThat(one(s, "SELECT nextval('standalone')")).isEqualTo("103");
            assertThat(one(s, "SELECT count(*) FROM everything WHERE doubled = big * 2")).isEqualTo("3000");
            assertThat(one(s, "SELECT (SELECT feeling FROM everything WHERE id = h.id) || ' ' || shout(email::text)"
                    + " FROM happy h ORDER BY id LIMIT 1"))
                    .isEqualTo("happy USER2@EXAMPLE.COM");
        }
        RunState state = RunState.read(result.stateFile()).orElseThrow();
        assertThat(state.phase()).isEqualTo(RunState.Phase.VERIFIED);
        assertNoPassword(Files.readString(result.stateFile()));
        events.forEach(e -> assertNoPassword(e.toString()));

        // the same command again: the target is refused as not empty, and the hint says why (not "interrupted")
        assertThatThrownBy(() -> mover.plan(request(target, 1, false, false)))
                .isInstanceOfSatisfying(FerryException.class, e -> assertThat(e.hint())
                        .startsWith("it already holds a verified copy of this source").contains("--force")
                        .doesNotContain("--resume"));
    }

    @Test
    void move_twoJobsTablesInSlices_copiesInParallelAndVerifies() throws Exception {
        String target = newTarget();
        PostgresMover slicing = new PostgresMover(Map.of(), 1);
        MoveResult result = slicing.move(slicing.plan(request(target, 2, false, false)), events::add);

        assertThat(result.verification().passed()).as(result.verification().differences().toString()).isTrue();
        // the copy's progress counts rows too (a terminal shows rows per second beside the bytes)
        assertThat(events).filteredOn(e -> e instanceof FerryEvent.Progress p && p.task().equals("copy")).isNotEmpty()
                .allMatch(e -> ((FerryEvent.Progress) e).rows() >= 0);
        assertThat(steps()).contains("creating indexes and constraints (pg_restore --section=post-data --jobs=2)")
                .anyMatch(s -> s.startsWith("copying 3 tables with 2 jobs"));
        assertThat(steps()).anyMatch(s -> s.startsWith("copied public.everything: ") && s.contains(", 3,000 rows, ")
                && s.matches(".*, \\d+ slices\\)"));
        assertThat(work.resolve("data/tmp")).doesNotExist();
        assertThat(PgCopyLog.fileFor(result.stateFile())).as("a verified run's steps are of no more use").doesNotExist();
    }

    @Test
    void plan_nonEmptyTarget_refusedListingWhatIsThere_forceDropsAndReplaces() throws Exception {
        String target = newTarget();
        targetServer.execute(target, "CREATE TABLE old_stuff (x int)", "INSERT INTO old_stuff VALUES (1)", "ANALYZE old_stuff",
                "CREATE SCHEMA legacy", "CREATE TABLE legacy.things (y text)");

        assertThatThrownBy(() -> mover.plan(request(target, 1, false, false)))
                .isInstanceOfSatisfying(FerryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FerryException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("is not empty").contains("table public.old_stuff")
                            .contains("table legacy.things");
                    assertThat(e.hint()).contains("--force");
                });

        MovePlan forced = mover.plan(request(target, 1, true, false));
        assertThat(forced.toDrop()).contains("schema legacy", "table legacy.things")
                .anyMatch(d -> d.startsWith("table public.old_stuff (~"));
        MoveResult result = mover.move(forced, events::add);

        assertThat(result.verification().passed()).isTrue();
        try (Connection c = targetServer.connect(target); Statement s = c.createStatement()) {
            assertThat(one(s, "SELECT count(*) FROM pg_class WHERE relname IN ('old_stuff', 'things')")).isEqualTo("0");
        }
    }

    @Test
    void move_interruptedMidCopy_resumeCopiesAgainAndVerifies() throws Exception {
        String target = newTarget();
        MoveRequest first = request(target, 1, false, false);
        EventSink interrupting = event -> {
            if (event instanceof FerryEvent.Step step && step.text().startsWith("copied ")) {
                throw new IllegalStateException("interrupted by the test");
            }
        };
        assertThatThrownBy(() -> mover.move(mover.plan(first), interrupting)).hasMessage("interrupted by the test");
        Path stateFile = RunState.file(work.resolve("data"), "postgres", first.source().url(), first.target().url());
        assertThat(RunState.read(stateFile).orElseThrow().phase()).isEqualTo(RunState.Phase.COPYING);
        assertThatThrownBy(() -> mover.plan(first)).isInstanceOfSatisfying(FerryException.class,
                e -> assertThat(e.hint()).contains("--resume"));

        MovePlan resumed = mover.plan(request(target, 1, false, true));
        assertThat(resumed.resumePhase()).isEqualTo("COPYING");
        MoveResult result = mover.move(resumed, events::add);

        assertThat(result.verification().passed()).as(result.verification().differences().toString()).isTrue();
        assertThat(RunState.read(stateFile).orElseThrow().phase()).isEqualTo(RunState.Phase.VERIFIED);
    }

    @Test
    void move_interruptedAfterOneTable_resumeCopiesOnlyTheOthersAndVerifies() throws Exception {
        String target = newTarget();
        MoveRequest first = request(target, 1, false, false);
        // the largest table (everything) is copied first; the test holds the other two so that the run is
        // interrupted with exactly one table committed
        Connection holder = targetServer.connect(target);
        EventSink interrupting = event -> {
            if (!(event instanceof FerryEvent.Step step)) {
                return;
            }
            try {
                if (step.text().startsWith("copying 3 tables")) {
                    holder.setAutoCommit(false);
                    holder.createStatement().execute("LOCK TABLE billing.invoices, public.no_key IN ACCESS EXCLUSIVE MODE");
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            if (step.text().startsWith("copied public.everything: ")) {
                throw new IllegalStateException("interrupted by the test");
            }
        };
        try (holder) {
            assertThatThrownBy(() -> mover.move(mover.plan(first), interrupting)).hasMessage("interrupted by the test");
        }
        String everythingRows = "SELECT count(*) || ' rows, xmin ' || min(xmin::text) FROM everything";
        String before;
        try (Connection c = targetServer.connect(target); Statement s = c.createStatement()) {
            before = one(s, everythingRows);
            assertThat(one(s, "SELECT (SELECT count(*) FROM billing.invoices) + (SELECT count(*) FROM no_key)"))
                    .isEqualTo("0");
        }
        assertThat(before).startsWith(PgFixtures.ROWS + " rows");

        MovePlan resumed = mover.plan(request(target, 1, false, true));
        assertThat(resumed.toDrop()).isEmpty();
        assertThat(resumed.notes()).contains("resuming: the schema and 1 of 3 tables were copied before the"
                + " interruption and are kept; the rest is copied now");
        MoveResult result = mover.move(resumed, events::add);

        assertThat(result.verification().passed()).as(result.verification().differences().toString()).isTrue();
        assertThat(result.copied()).isEqualTo(2);
        assertThat(steps()).filteredOn(s -> s.startsWith("copied ")).extracting(s -> s.substring(0, s.indexOf(':')))
                .containsExactlyInAnyOrder("copied billing.invoices", "copied public.no_key");
        try (Connection c = targetServer.connect(target); Statement s = c.createStatement()) {
            assertThat(one(s, everythingRows)).as("the table copied before is not written again").isEqualTo(before);
            assertThat(one(s, "SELECT convert_from(lo_get(doc), 'UTF8') FROM billing.invoices WHERE id = 3"))
                    .isEqualTo("invoice 3".repeat(2000));
        }
        assertThat(RunState.read(result.stateFile()).orElseThrow().phase()).isEqualTo(RunState.Phase.VERIFIED);
    }

    @Test
    void move_resumedWithSlices_tableLeftHalfCopiedIsEmptiedFirst() throws Exception {
        String target = newTarget();
        PostgresMover slicing = new PostgresMover(Map.of(), 1);
        MoveRequest first = request(target, 2, false, false);
        EventSink interrupting = event -> {
            if (event instanceof FerryEvent.Step step && step.text().startsWith("copying 3 tables")) {
                throw new IllegalStateException("interrupted by the test");
            }
        };
        assertThatThrownBy(() -> slicing.move(slicing.plan(first), interrupting)).hasMessage("interrupted by the test");
        // what a slice committed before the interruption would have left
        targetServer.execute(target, "INSERT INTO everything (id, small) VALUES (1, 1), (2, 2)");

        MoveResult result = slicing.move(slicing.plan(request(target, 2, false, true)), events::add);

        assertThat(result.verification().passed()).as(result.verification().differences().toString()).isTrue();
        assertThat(result.copied()).isEqualTo(3);
        assertThat(steps()).contains("resuming: 0 of 3 tables were copied before the interruption and are kept");
    }

    @Test
    void move_pgRestoreKilledMidCopy_failsNamingItAndResumeFinishes() throws Exception {
        String target = newTarget();
        MoveRequest first = request(target, 1, false, false);
        // as soon as pg_restore exists (it cannot be done within milliseconds: extensions, tables, indexes), kill it
        EventSink killRestore = event -> {
            if (event instanceof FerryEvent.Step step && step.text().startsWith("copying ")) {
                Thread killer = new Thread(() -> {
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    while (System.nanoTime() < deadline) {
                        List<ProcessHandle> restores = ProcessHandle.current().descendants()
                                .filter(p -> p.info().command().orElse("").endsWith("pg_restore")).toList();
                        if (!restores.isEmpty()) {
                            restores.forEach(ProcessHandle::destroyForcibly);
                            return;
                        }
                        Thread.onSpinWait();
                    }
                });
                killer.setDaemon(true);
                killer.start();
            }
        };
        assertThatThrownBy(() -> mover.move(mover.plan(first), killRestore))
                .isInstanceOfSatisfying(FerryException.class, e -> {
                    assertThat(e.getMessage()).startsWith("pg_restore failed (exit ");
                    assertThat(e.hint()).contains("--resume");
                    assertNoPassword(e.getMessage());
                });

        MoveResult result = mover.move(mover.plan(request(target, 1, false, true)), events::add);

        assertThat(result.verification().passed()).as(result.verification().differences().toString()).isTrue();
    }

    @Test
    void verify_changedRowInTarget_failsNamingTheTable() throws Exception {
        String target = newTarget();
        mover.move(mover.plan(request(target, 1, false, false)), events::add);
        targetServer.execute(target, "UPDATE everything SET body = 'tampered' WHERE id = 1234",
                "SELECT setval('standalone', 500)");

        MovePlan again = mover.plan(request(target, 1, false, true));
        assertThat(again.resumePhase()).isEqualTo("VERIFIED");
        MoveResult result = mover.move(again, events::add);

        assertThat(result.verification().passed()).isFalse();
        assertThat(result.verification().differences()).extracting(c -> c.subject())
                .containsExactly("table public.everything", "sequence public.standalone");
        assertThat(result.copied()).isZero();
        assertThat(RunState.read(result.stateFile()).orElseThrow().phase()).isEqualTo(RunState.Phase.COPYING);
    }

    @Test
    void move_rowChangedOnTheWayIntoTheTarget_verificationFailsNamingTheTable() throws Exception {
        String target = newTarget();
        // once the schema is there, a trigger on the target alters one row as COPY writes it: the source's sum (taken
        // from the stream) and the target's (read back from the table) must then differ
        EventSink tampering = event -> {
            events.add(event);
            if (event instanceof FerryEvent.Step step && step.text().startsWith("copying 3 tables")) {
                try {
                    targetServer.execute(target, "CREATE FUNCTION tamper() RETURNS trigger LANGUAGE plpgsql AS"
                                    + " 'BEGIN IF NEW.id = 1234 THEN NEW.body := ''tampered''; END IF; RETURN NEW; END'",
                            "CREATE TRIGGER tamper BEFORE INSERT ON everything FOR EACH ROW EXECUTE FUNCTION tamper()");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };

        MoveResult result = mover.move(mover.plan(request(target, 1, false, false)), tampering);

        assertThat(result.verification().passed()).isFalse();
        assertThat(result.verification().differences()).singleElement().satisfies(c -> {
            assertThat(c.subject()).isEqualTo("table public.everything");
            assertThat(c.source()).startsWith(PgFixtures.ROWS + " rows, sum ");
            assertThat(c.target()).startsWith(PgFixtures.ROWS + " rows, sum ").isNotEqualTo(c.source());
        });
        assertThat(RunState.read(result.stateFile()).orElseThrow().phase()).isEqualTo(RunState.Phase.COPYING);
    }

    @Test
    void plan_targetUserNotSuperuser_warnsAboutTheUntrustedExtensionOnly() throws Exception {
        targetServer.execute("postgres", "CREATE ROLE app LOGIN PASSWORD 'app-pw'", "CREATE DATABASE appdb OWNER app");
        MoveRequest request = new MoveRequest(endpoint(sourceServer.url(source)),
                endpoint("postgres://app:app-pw@127.0.0.1:" + targetServer.port() + "/appdb"), 1, false, false,
                work.resolve("data"));

        MovePlan plan = mover.plan(request);

        assertThat(plan.notes()).anyMatch(n -> n.startsWith("warning: the target user is not a superuser and"
                + " pg_stat_statements is not a trusted extension"));
    }

    @Test
    void plan_wrongPassword_errorNamesThePlaceNotThePassword() {
        String url = sourceServer.url(source).replace("%40", "%41");
        MoveRequest request = new MoveRequest(SourceResolver.ofUrl(url, "--from-url").resolve(),
                endpoint(targetServer.url("postgres")), 1, false, false, work.resolve("data"));

        assertThatThrownBy(() -> mover.plan(request)).isInstanceOfSatisfying(FerryException.class, e -> {
            assertThat(e.getMessage()).contains("could not connect to the source database 127.0.0.1:")
                    .contains("password authentication failed");
            assertNoPassword(e.getMessage() + e.hint());
            assertThat(e.getMessage()).doesNotContain("s3cr3t-A");
        });
    }

    private MoveRequest request(String target, int jobs, boolean force, boolean resume) {
        return new MoveRequest(endpoint(sourceServer.url(source)), endpoint(targetServer.url(target)), jobs, force,
                resume, work.resolve("data"));
    }

    private static DataEndpoint endpoint(String url) {
        return new DataEndpoint(ConnectionUrl.parse(url, "test"), false);
    }

    private static String newTarget() throws Exception {
        return targetServer.newDatabase("dst");
    }

    private List<String> steps() {
        return events.stream().filter(e -> e instanceof FerryEvent.Step).map(e -> ((FerryEvent.Step) e).text()).toList();
    }

    private static String one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void assertNoPassword(String text) {
        assertThat(text).doesNotContain(PgTestServer.PASSWORD).doesNotContain("s3cr3t");
    }
}
