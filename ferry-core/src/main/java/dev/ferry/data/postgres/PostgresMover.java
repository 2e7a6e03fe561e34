package dev.ferry.data.postgres;

import dev.ferry.FerryException;
import dev.ferry.data.DataEndpoint;
import dev.ferry.data.DataMover;
import dev.ferry.data.MovePlan;
import dev.ferry.data.MoveRequest;
import dev.ferry.data.MoveResult;
import dev.ferry.data.RunState;
import dev.ferry.data.RunState.Phase;
import dev.ferry.data.Verification;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Moves a PostgreSQL database: plan from the source's catalog, refuse a non-empty target unless forced, copy, verify
 * with {@link PgVerifier}, and record each phase in a {@link RunState} (and each step of the copy in a
 * {@link PgCopyLog}, so that a resumed run copies only the tables it had not finished).
 *
 * <p>The copy: the schema, sequences, large objects, indexes and constraints go through pg_dump and pg_restore
 * ({@link PgSchemaCopy}); the tables' rows go through COPY streams, {@code --jobs} of them at once, a large table
 * split into page ranges ({@link PgDataCopy}). Everything reads the source in one REPEATABLE READ transaction's
 * snapshot, exported to pg_dump and to every stream. The source's checksums are computed in that same transaction
 * while the copy runs, and each target table's as soon as its rows are committed ({@link PgTargetChecksums}): the
 * copy and the fingerprints see the same data even if the app still writes, and verifying costs little wall time.
 */
public final class PostgresMover implements DataMover {

    /** The plan's estimate: a conservative copy rate between two cloud regions, verification included. */
    static final long ASSUMED_BYTES_PER_SECOND = 20L * 1024 * 1024;

    private final Map<String, String> environment;
    private final long minSlicePages;
    private PgTools tools;

    /** @param environment where FERRY_PG_BIN is looked up */
    public PostgresMover(Map<String, String> environment) {
        this(environment, CopySlice.MIN_SLICE_PAGES);
    }

    /** For tests: tables split into slices from {@code minSlicePages} heap pages on (small fixtures). */
    PostgresMover(Map<String, String> environment, long minSlicePages) {
        this.environment = Map.copyOf(environment);
        this.minSlicePages = minSlicePages;
    }

    @Override
    public String describeSource(DataEndpoint source) {
        return PgSourceSummary.of(source);
    }

    @Override
    public MovePlan plan(MoveRequest request) {
        requirePostgres(request);
        PgTools tools = tools();
        Path stateFile = RunState.file(request.stateDir(), "postgres", request.source().url(), request.target().url());
        Optional<RunState> state = RunState.read(stateFile);
        try (Connection source = PgConnections.open(request.source(), "source");
             Connection target = PgConnections.open(request.target(), "target")) {
            PgCatalog from = new PgCatalog(source);
            PgCatalog to = new PgCatalog(target);
            tools.requireAtLeast(from.serverMajor());
            tools.requireRestorableInto(to.serverMajor(), from.serverMajor());
            List<PgTable> tables = from.tables();
            long bytes = tables.stream().mapToLong(PgTable::bytes).sum() + from.largeObjectBytes();
            Map<String, String> extensions = from.extensions();
            requireExtensions(extensions, to.availableExtensions());
            String resumePhase = resumePhase(request, state, stateFile);
            List<String> contents = to.contents();
            if (!contents.isEmpty() && resumePhase == null && !request.force()) {
                throw notEmpty(request, contents, state.isPresent());
            }
            PgCopyLog log = PgCopyLog.read(PgCopyLog.fileFor(stateFile));
            boolean keepCopied = Phase.COPYING.name().equals(resumePhase) && log.isDone(PgCopyLog.PRE_DATA);
            List<String> toDrop = Phase.COPIED.name().equals(resumePhase) || Phase.VERIFIED.name().equals(resumePhase)
                    || keepCopied ? List.of() : contents;
            List<String> notes = new ArrayList<>();
            if (keepCopied) {
                notes.add("resuming: the schema and " + log.tablesDone(tables) + " of " + tables.size()
                        + " tables were copied before the interruption and are kept; the rest is copied now");
            }
            if (!extensions.isEmpty()) {
                notes.add("extensions: " + String.join(", ", extensions.entrySet().stream()
                        .map(e -> e.getKey() + " (" + e.getValue() + ")").toList()));
            }
            List<String> privileged = to.extensionsNeedingSuperuser(extensions.keySet());
            if (!privileged.isEmpty()) {
                notes.add("warning: the target user is not a superuser and " + String.join(", ", privileged)
                        + (privileged.size() == 1 ? " is" : " are") + " not a trusted extension: the restore stops if"
                        + " it cannot create " + (privileged.size() == 1 ? "it" : "them") + " (managed services such"
                        + " as RDS allow common ones for their admin role; otherwise ask the server's administrator to"
                        + " create " + (privileged.size() == 1 ? "it" : "them") + " first)");
            }
            if (PgTargetPreparation.herokuExtHoldsOnlyExtensions(source)) {
                notes.add("schema heroku_ext is created on the target first; its extensions come with the dump");
            }
            notes.add("TLS: sslmode=" + PgConnections.sslMode(request.source()) + " to the source, sslmode="
                    + PgConnections.sslMode(request.target()) + " to the target");
            Duration estimate = Duration.ofSeconds(bytes / ASSUMED_BYTES_PER_SECOND);
            return new MovePlan(request, "postgres", tables.size(), bytes, estimate, toDrop, resumePhase, notes);
        } catch (SQLException e) {
            throw PgConnections.queryFailed(request.source(), "source", "read the catalog", e);
        }
    }

    @Override
    public MoveResult move(MovePlan plan, EventSink events) {
        MoveRequest request = plan.request();
        PgTools tools = tools();
        Path stateFile = RunState.file(request.stateDir(), "postgres", request.source().url(), request.target().url());
        Path logFile = PgCopyLog.fileFor(stateFile);
        RunState state = RunState.started("postgres", request.source().url(), request.target().url(), request.jobs());
        boolean copy = plan.resumePhase() == null || Phase.COPYING.name().equals(plan.resumePhase());
        List<String> warnings = new ArrayList<>();
        try (Connection source = PgConnections.open(request.source(), "source");
             Connection target = PgConnections.open(request.target(), "target")) {
            PgCatalog from = new PgCatalog(source);
            List<PgTable> tables = from.tables();
            List<PgTable> sequences = from.sequences();
            RowHash hash = RowHash.forServers(from.serverMajor(), new PgCatalog(target).serverMajor());
            CopyOutcome outcome = new CopyOutcome(0, 0, null);
            Duration copyTime = Duration.ZERO;
            Verification verification;
            long verifyStarted;
            if (copy) {
                state.write(stateFile);
                long started = System.nanoTime();
                try (PgTargetChecksums targetChecks = new PgTargetChecksums(
                        () -> PgConnections.open(request.target(), "target"), hash, verifyConnections(request, tables))) {
                    outcome = copy(tools, request, plan, source, target, tables, sequences, hash, logFile,
                            targetChecks, events);
                    copyTime = Duration.ofNanos(System.nanoTime() - started);
                    state = state.at(Phase.COPIED);
                    state.write(stateFile);
                    verifyStarted = System.nanoTime();
                    emitVerifying(events, tables, sequences);
                    Map<String, String> targetSums = new LinkedHashMap<>(targetChecks.await());
                    targetSums.putAll(PgChecksums.of(target, hash, List.of(), sequences));
                    verification = PgVerifier.compare(outcome.sourceSums(), targetSums, new PgCatalog(target).tables(),
                            tables);
                }
            } else {
                verifyStarted = System.nanoTime();
                emitVerifying(events, tables, sequences);
                verification = PgVerifier.compare(PgChecksums.of(source, hash, tables, sequences),
                        () -> PgConnections.open(request.target(), "target"), verifyConnections(request, tables),
                        hash, new PgCatalog(target).tables(), tables, sequences);
            }
            Duration verifyTime = Duration.ofNanos(System.nanoTime() - verifyStarted);
            // verified, the steps are of no more use; not verified, the copy is not good and --resume copies it again,
            // whole: either way the log goes
            PgCopyLog.fresh(logFile);
            state.at(verification.passed() ? Phase.VERIFIED : Phase.COPYING).write(stateFile);
            return new MoveResult("postgres", outcome.tables(), outcome.bytes(), copyTime, verifyTime, verification,
                    warnings, stateFile);
        } catch (SQLException e) {
            throw PgConnections.queryFailed(request.target(), "target", "copy or verify", e);
        }
    }

    private static void emitVerifying(EventSink events, List<PgTable> tables, List<PgTable> sequences) {
        events.emit(new FerryEvent.Step("verifying " + tables.size() + " table(s), " + sequences.size()
                + " sequence(s) and the large objects"));
    }

    /** pg_dump and pg_restore, looked up once per mover. */
    private synchronized PgTools tools() {
        if (tools == null) {
            tools = PgTools.locate(environment);
        }
        return tools;
    }

    /** At least two sessions checksum the target (one per job with --jobs), never more than there are tables. */
    private static int verifyConnections(MoveRequest request, List<PgTable> tables) {
        return Math.max(1, Math.min(Math.max(2, request.jobs()), tables.size()));
    }

    /** What the copy did: bytes of COPY text, tables copied by this run, the source's fingerprints (catalog order). */
    private record CopyOutcome(long bytes, int tables, Map<String, String> sourceSums) {}

    /**
     * Schema, rows, then sequences, large objects, indexes and constraints, each step recorded in the
     * {@link PgCopyLog}; a resumed run whose schema was restored keeps the tables already copied and does the rest.
     * The source is read in one snapshot throughout (pg_dump imports it; so does every row stream) and its tables
     * are locked against DDL (ACCESS SHARE, as pg_dump does) until the copy ends.
     */
    private CopyOutcome copy(PgTools tools, MoveRequest request, MovePlan plan, Connection source, Connection target,
                             List<PgTable> tables, List<PgTable> sequences, RowHash hash, Path logFile,
                             PgTargetChecksums targetChecks, EventSink events) throws SQLException {
        PgCopyLog earlier = PgCopyLog.read(logFile);
        boolean keepCopied = plan.resumePhase() != null && earlier.isDone(PgCopyLog.PRE_DATA);
        PgCopyLog log = keepCopied ? earlier : PgCopyLog.fresh(logFile);
        if (!plan.toDrop().isEmpty()) {
            events.emit(new FerryEvent.Step("dropping " + plan.toDrop().size() + " object(s) from the target"));
            PgTargetPreparation.empty(target);
        }
        List<String> exclude = new ArrayList<>();
        if (PgTargetPreparation.herokuExtHoldsOnlyExtensions(source)) {
            exclude.add(PgTargetPreparation.HEROKU_EXT);
            PgTargetPreparation.createHerokuExt(target);
        }
        PgCatalog from = new PgCatalog(source);
        String searchPath = from.searchPath();
        String targetDatabase = new PgCatalog(target).databaseName();
        boolean rangeScans = from.serverMajor() >= 14;

        String snapshot = exportSnapshot(source);
        lockTables(source, tables);
        PgCatalog.CopyLayout layout = from.copyLayout();
        List<PgTable> todo = tables.stream().filter(t -> !log.isDone(t)).toList();
        List<CopySlice> slices = CopySlice.plan(todo, layout.columns(), layout.heapPages(), request.jobs(), rangeScans,
                minSlicePages);
        // the source's fingerprints in the order the tables are copied: each is ready before its target's
        List<PgTable> order = new ArrayList<>(new LinkedHashSet<>(slices.stream().map(CopySlice::table).toList()));
        tables.stream().filter(log::isDone).forEach(order::add);
        CompletableFuture<Map<String, String>> sourceSums = CompletableFuture.supplyAsync(() -> {
            try {
                return PgChecksums.of(source, hash, order, sequences);
            } catch (SQLException e) {
                throw PgConnections.queryFailed(request.source(), "source", "compute checksums", e);
            }
        });
        long bytes;
        try (PgSchemaCopy schema = PgSchemaCopy.dump(tools, request.source(), snapshot, exclude, tables,
                request.stateDir().resolve("tmp"))) {
            if (!log.isDone(PgCopyLog.PRE_DATA)) {
                events.emit(new FerryEvent.Step("creating the schema (pg_restore --section=pre-data)"));
                schema.restore(PgCopyLog.PRE_DATA, 1, false, request.target(), targetDatabase);
                log.record(PgCopyLog.PRE_DATA);
            }
            tables.stream().filter(log::isDone).forEach(targetChecks::add);
            if (keepCopied) {
                events.emit(new FerryEvent.Step("resuming: " + (tables.size() - todo.size()) + " of " + tables.size()
                        + " tables were copied before the interruption and are kept"));
                truncate(target, slices.stream().filter(s -> !s.whole()).map(CopySlice::table).distinct().toList());
            }
            events.emit(new FerryEvent.Step("copying " + todo.size() + (todo.size() == 1 ? " table" : " tables")
                    + (request.jobs() > 1 ? " with " + request.jobs() + " jobs" : "")
                    + " (COPY streams in the source's snapshot, no temporary file)"));
            long totalBytes = todo.stream().mapToLong(PgTable::bytes).sum();
            PgDataCopy data = new PgDataCopy(request.source(), request.target(), snapshot, log, events, totalBytes);
            bytes = data.run(slices, request.jobs(), targetChecks).bytes();
            if (!log.isDone(PgCopyLog.DATA)) {
                events.emit(new FerryEvent.Step("setting sequences and large objects (pg_restore --section=data)"));
                schema.restore(PgCopyLog.DATA, 1, false, request.target(), targetDatabase);
                log.record(PgCopyLog.DATA);
            }
            if (!log.isDone(PgCopyLog.POST_DATA)) {
                events.emit(new FerryEvent.Step("creating indexes and constraints (pg_restore --section=post-data"
                        + (request.jobs() > 1 ? " --jobs=" + request.jobs() : "") + ")"));
                schema.restore(PgCopyLog.POST_DATA, request.jobs(), keepCopied, request.target(), targetDatabase);
                log.record(PgCopyLog.POST_DATA);
            }
        } catch (RuntimeException | SQLException copyFailed) {
            // the copy is what failed: stop the source's checksum query now instead of waiting for it
            source.abort(Runnable::run);
            throw copyFailed;
        }
        Map<String, String> found = joined(sourceSums);
        source.commit();
        source.setAutoCommit(true);
        if (PgTargetPreparation.carrySearchPath(searchPath, target, targetDatabase)) {
            events.emit(new FerryEvent.Step("target database search_path set to the source's: " + searchPath));
        }
        Map<String, String> sums = new LinkedHashMap<>();
        tables.forEach(t -> sums.put("table " + t.display(), found.get("table " + t.display())));
        found.forEach(sums::putIfAbsent);
        return new CopyOutcome(bytes, todo.size(), sums);
    }

    /** Opens the source transaction the dump, the row streams and the checksums share; returns the snapshot. */
    private static String exportSnapshot(Connection source) throws SQLException {
        try (Statement s = source.createStatement()) {
            s.execute("SET statement_timeout = 0; SET lock_timeout = 0; SET idle_in_transaction_session_timeout = 0");
            source.setAutoCommit(false);
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            try (ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** No table may be altered or dropped while it is copied (what pg_dump does for the length of its run). */
    private static void lockTables(Connection source, List<PgTable> tables) throws SQLException {
        try (Statement s = source.createStatement()) {
            for (int i = 0; i < tables.size(); i += 200) {
                s.execute("LOCK TABLE " + String.join(", ", tables.subList(i, Math.min(i + 200, tables.size()))
                        .stream().map(PgTable::quoted).toList()) + " IN ACCESS SHARE MODE");
            }
        }
    }

    /** Tables copied in slices by a resumed run start empty: a slice committed before the interruption goes too. */
    private static void truncate(Connection target, List<PgTable> tables) throws SQLException {
        try (Statement s = target.createStatement()) {
            for (PgTable table : tables) {
                s.execute("TRUNCATE ONLY " + table.quoted());
            }
        }
    }

    private static Map<String, String> joined(CompletableFuture<Map<String, String>> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static String resumePhase(MoveRequest request, Optional<RunState> state, Path stateFile) {
        if (!request.resume()) {
            return null;
        }
        RunState recorded = state.orElseThrow(() -> FerryException.badInput(
                "--resume: no run of this source to this target is recorded (" + stateFile + ")",
                "run without --resume to start a new copy"));
        return recorded.phase().name();
    }

    private static FerryException notEmpty(MoveRequest request, List<String> contents, boolean recorded) {
        List<String> shown = contents.size() > 8 ? contents.subList(0, 8) : contents;
        String more = contents.size() > shown.size() ? ", … (" + contents.size() + " in all)" : "";
        String hint = recorded
                ? "an earlier run to this target was interrupted: finish it with --resume, or start over with --force"
                : "choose an empty database, or add --force to drop these objects first (the plan lists them)";
        return FerryException.badInput("the target database " + request.target().url().place() + " is not empty: "
                + String.join(", ", shown) + more, hint);
    }

    private static void requireExtensions(Map<String, String> needed, List<String> available) {
        List<String> missing = needed.keySet().stream().filter(e -> !available.contains(e)).toList();
        if (!missing.isEmpty()) {
            throw FerryException.environment("the target server lacks the extension"
                            + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + " that the source uses",
                    "install them on the target server (e.g. the postgresql-contrib package), then run again");
        }
    }

    private static void requirePostgres(MoveRequest request) {
        if (!request.source().url().isPostgres() || !request.target().url().isPostgres()) {
            throw FerryException.badInput("a Postgres move needs two postgres:// URLs",
                    "give --from-url postgres://… and --to-url postgres://…");
        }
        if (request.source().url().place().equals(request.target().url().place())) {
            throw FerryException.badInput("the source and the target are the same database ("
                    + request.source().url().place() + ")", "give a different --to-url");
        }
    }
}
