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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Moves a PostgreSQL database: plan from the source's catalog, refuse a non-empty target unless forced, copy with
 * pg_dump | pg_restore ({@link PgCopy}), verify with {@link PgVerifier}, and record each phase in a {@link RunState}.
 *
 * <p>The source is read in one REPEATABLE READ transaction whose snapshot pg_dump imports ({@code --snapshot}), and
 * the source's checksums are computed in that same transaction while the copy runs: the copy and the fingerprints
 * it is checked against see the same data even if the app still writes, and the source's half of the verification
 * costs no extra wall time.
 */
public final class PostgresMover implements DataMover {

    /** The plan's estimate: a conservative copy rate between two cloud regions, verification included. */
    static final long ASSUMED_BYTES_PER_SECOND = 20L * 1024 * 1024;

    private final Map<String, String> environment;
    private PgTools tools;

    /** @param environment where FERRY_PG_BIN is looked up */
    public PostgresMover(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
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
            List<PgTable> tables = from.tables();
            long bytes = tables.stream().mapToLong(PgTable::bytes).sum() + from.largeObjectBytes();
            Map<String, String> extensions = from.extensions();
            requireExtensions(extensions, to.availableExtensions());
            String resumePhase = resumePhase(request, state, stateFile);
            List<String> contents = to.contents();
            if (!contents.isEmpty() && resumePhase == null && !request.force()) {
                throw notEmpty(request, contents, state.isPresent());
            }
            List<String> toDrop = Phase.COPIED.name().equals(resumePhase) || Phase.VERIFIED.name().equals(resumePhase)
                    ? List.of() : contents;
            List<String> notes = new ArrayList<>();
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
        RunState state = RunState.started("postgres", request.source().url(), request.target().url(), request.jobs());
        boolean copy = plan.resumePhase() == null || Phase.COPYING.name().equals(plan.resumePhase());
        List<String> warnings = new ArrayList<>();
        try (Connection source = PgConnections.open(request.source(), "source");
             Connection target = PgConnections.open(request.target(), "target")) {
            PgCatalog from = new PgCatalog(source);
            List<PgTable> tables = from.tables();
            List<PgTable> sequences = from.sequences();
            RowHash hash = RowHash.forServers(from.serverMajor(), new PgCatalog(target).serverMajor());
            long bytes = 0;
            Duration copyTime = Duration.ZERO;
            Map<String, String> sourceSums = null;
            if (copy) {
                state.write(stateFile);
                long started = System.nanoTime();
                CopyOutcome outcome = copy(tools, request, plan, source, target, hash, tables, sequences, events);
                bytes = outcome.bytes();
                sourceSums = outcome.sourceSums();
                copyTime = Duration.ofNanos(System.nanoTime() - started);
                state = state.at(Phase.COPIED);
                state.write(stateFile);
            }
            long verifyStarted = System.nanoTime();
            events.emit(new FerryEvent.Step("verifying " + tables.size() + " table(s), " + sequences.size()
                    + " sequence(s) and the large objects"));
            if (sourceSums == null) {
                sourceSums = PgChecksums.of(source, hash, tables, sequences);
            }
            Verification verification = PgVerifier.compare(sourceSums,
                    () -> PgConnections.open(request.target(), "target"), verifyConnections(request, tables),
                    hash, new PgCatalog(target).tables(), tables, sequences);
            Duration verifyTime = Duration.ofNanos(System.nanoTime() - verifyStarted);
            // a failed verification means the copy is not good: --resume copies again
            state.at(verification.passed() ? Phase.VERIFIED : Phase.COPYING).write(stateFile);
            return new MoveResult("postgres", copy ? tables.size() : 0, bytes, copyTime, verifyTime, verification,
                    warnings, stateFile);
        } catch (SQLException e) {
            throw PgConnections.queryFailed(request.target(), "target", "copy or verify", e);
        }
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

    private record CopyOutcome(long bytes, Map<String, String> sourceSums) {}

    private CopyOutcome copy(PgTools tools, MoveRequest request, MovePlan plan, Connection source, Connection target,
                             RowHash hash, List<PgTable> tables, List<PgTable> sequences, EventSink events)
            throws SQLException {
        if (!plan.toDrop().isEmpty()) {
            events.emit(new FerryEvent.Step("dropping " + plan.toDrop().size() + " object(s) from the target"));
            PgTargetPreparation.empty(target);
        }
        List<String> exclude = new ArrayList<>();
        if (PgTargetPreparation.herokuExtHoldsOnlyExtensions(source)) {
            exclude.add(PgTargetPreparation.HEROKU_EXT);
            PgTargetPreparation.createHerokuExt(target);
        }
        String searchPath = new PgCatalog(source).searchPath();
        String targetDatabase = new PgCatalog(target).databaseName();
        Map<String, Long> rows = new LinkedHashMap<>();
        tables.forEach(t -> rows.put(t.display(), t.estimatedRows()));
        long totalBytes = tables.stream().mapToLong(PgTable::bytes).sum();
        PgCopy pgCopy = new PgCopy(tools, request.source(), request.target(), targetDatabase, totalBytes, rows, events);

        String snapshot = exportSnapshot(source);
        CompletableFuture<Map<String, String>> sourceSums = CompletableFuture.supplyAsync(() -> {
            try {
                return PgChecksums.of(source, hash, tables, sequences);
            } catch (SQLException e) {
                throw PgConnections.queryFailed(request.source(), "source", "compute checksums", e);
            }
        });
        events.emit(new FerryEvent.Step("copying " + tables.size() + (tables.size() == 1 ? " table" : " tables")
                + (request.jobs() > 1 ? " with " + request.jobs() + " jobs" : " (streamed, no temporary file)")));
        long bytes;
        try {
            bytes = pgCopy.run(new PgCopy.Options(request.jobs(), snapshot, exclude,
                    request.stateDir().resolve("tmp")));
        } catch (RuntimeException copyFailed) {
            // the copy is what failed: stop the source's checksum query now instead of waiting for it
            source.abort(Runnable::run);
            throw copyFailed;
        }
        Map<String, String> sums = joined(sourceSums);
        source.commit();
        source.setAutoCommit(true);
        if (PgTargetPreparation.carrySearchPath(searchPath, target, targetDatabase)) {
            events.emit(new FerryEvent.Step("target database search_path set to the source's: " + searchPath));
        }
        return new CopyOutcome(bytes, sums);
    }

    /** Opens the source transaction the dump and the checksums share; returns the snapshot's name. */
    private static String exportSnapshot(Connection source) throws SQLException {
        source.setAutoCommit(false);
        try (Statement s = source.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            try (ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                return rs.getString(1);
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
