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
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves a PostgreSQL database: plan from the source's catalog, refuse a non-empty target unless forced, copy, verify
 * with {@link PgVerifier}, and record each phase in a {@link RunState} (and each step of the copy in a
 * {@link PgCopyLog}, so that a resumed run copies only the tables it had not finished).
 *
 * <p>The copy: the schema, sequences, large objects, indexes and constraints go through pg_dump and pg_restore
 * ({@link PgSchemaCopy}); the tables' rows go through COPY streams, {@code --jobs} of them at once, a large table
 * split into page ranges ({@link PgDataCopy}); {@link PgCopyStep} runs them. Everything reads the source in one
 * REPEATABLE READ transaction's snapshot, exported to pg_dump and to every stream. The source's fingerprints come
 * from that same snapshot (hashed from the rows as they stream, see {@link PgCopyStep}), and each target table's
 * as soon as its rows are committed ({@link PgTargetChecksums}): the copy and the fingerprints see the same data
 * even if the app still writes, and verifying costs little wall time.
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
                throw notEmpty(request, contents, state.map(RunState::phase));
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
            PgCopyStep.Outcome outcome = new PgCopyStep.Outcome(0, 0, null);
            Duration copyTime = Duration.ZERO;
            Verification verification;
            long verifyStarted;
            if (copy) {
                state.write(stateFile);
                long started = System.nanoTime();
                try (PgTargetChecksums targetChecks = new PgTargetChecksums(
                        () -> PgConnections.open(request.target(), "target"), hash,
                        verifyConnections(request, tables))) {
                    outcome = new PgCopyStep(tools, plan, minSlicePages, hash, events)
                            .run(source, target, tables, sequences, logFile, targetChecks);
                    copyTime = Duration.ofNanos(System.nanoTime() - started);
                    state = state.at(Phase.COPIED);
                    state.write(stateFile);
                    verifyStarted = System.nanoTime();
                    emitVerifying(events, tables, sequences);
                    Map<String, String> targetSums = new LinkedHashMap<>(targetChecks.await());
                    targetSums.putAll(PgChecksums.of(target, hash, Map.of(), List.of(), sequences));
                    verification = PgVerifier.compare(outcome.sourceSums(), targetSums, new PgCatalog(target).tables(),
                            tables);
                }
            } else {
                verifyStarted = System.nanoTime();
                emitVerifying(events, tables, sequences);
                Map<String, String> columns = from.copyLayout().columns();
                verification = PgVerifier.compare(PgChecksums.of(source, hash, columns, tables, sequences),
                        () -> PgConnections.open(request.target(), "target"), verifyConnections(request, tables),
                        hash, columns, new PgCatalog(target).tables(), tables, sequences);
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

    private static String resumePhase(MoveRequest request, Optional<RunState> state, Path stateFile) {
        if (!request.resume()) {
            return null;
        }
        RunState recorded = state.orElseThrow(() -> FerryException.badInput(
                "--resume: no run of this source to this target is recorded (" + stateFile + ")",
                "run without --resume to start a new copy"));
        return recorded.phase().name();
    }

    /** The refusal of a non-empty target; its hint follows what the last recorded run to it did, if any. */
    private static FerryException notEmpty(MoveRequest request, List<String> contents, Optional<Phase> recorded) {
        List<String> shown = contents.size() > 8 ? contents.subList(0, 8) : contents;
        String more = contents.size() > shown.size() ? ", … (" + contents.size() + " in all)" : "";
        String hint = recorded.map(phase -> phase == Phase.VERIFIED
                        ? "it already holds a verified copy of this source from an earlier run: nothing to do; add"
                                + " --force to drop it and copy again"
                        : "an earlier run to this target was interrupted: finish it with --resume, or start over with"
                                + " --force")
                .orElse("choose an empty database, or add --force to drop these objects first (the plan lists them)");
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
