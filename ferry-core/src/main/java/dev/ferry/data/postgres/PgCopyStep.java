package dev.ferry.data.postgres;

import dev.ferry.data.MovePlan;
import dev.ferry.data.MoveRequest;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The copy step of a Postgres move ({@link PostgresMover}): schema, rows, then sequences, large objects, indexes and
 * constraints, each step recorded in the {@link PgCopyLog}; a resumed run whose schema was restored keeps the tables
 * already copied and does the rest. The source is read in one snapshot throughout (pg_dump imports it; so does every
 * row stream) and its tables are locked against DDL (ACCESS SHARE, as pg_dump does) until the copy ends.
 *
 * <p>The source's fingerprints come from the same snapshot. With both servers at 12 or later and a UTF-8 target
 * ({@link CopyLineHash#applies}), a copied table's row count and hash sum are taken from the rows as they stream
 * past: no second scan of the source (a {@code count(*)} alone costs the source most of what the hashing scan did).
 * What that still proves: the target, read back in full by its own server, holds exactly the rows the source's COPY
 * sent, in content and number (a row lost, doubled, altered or put in the wrong table on the way or in storage, a
 * slice committed twice or not at all, all show). That the streams carried the whole table rests on COPY itself
 * (a whole-table COPY is the table in the snapshot) and, for a table in page ranges, on the ranges tiling its heap,
 * checked before the copy ({@link CopySlice#requireCoverage}) and by every slice's count of lines against the rows
 * COPY FROM wrote ({@link PgRowCopy}). What it no longer catches is a source server whose COPY misreads its own
 * table. Tables kept from an interrupted run, and all tables when the stream cannot be compared, are hashed by the
 * source server as before.
 */
final class PgCopyStep {

    /** What the copy did: bytes of COPY text, tables copied by this run, the source's fingerprints (catalog order). */
    record Outcome(long bytes, int tables, Map<String, String> sourceSums) {}

    private final PgTools tools;
    private final MoveRequest request;
    private final MovePlan plan;
    private final long minSlicePages;
    private final RowHash hash;
    private final EventSink events;

    PgCopyStep(PgTools tools, MovePlan plan, long minSlicePages, RowHash hash, EventSink events) {
        this.tools = tools;
        this.request = plan.request();
        this.plan = plan;
        this.minSlicePages = minSlicePages;
        this.hash = hash;
        this.events = events;
    }

    /** @param targetChecks fingerprints each target table as soon as its rows are committed */
    Outcome run(Connection source, Connection target, List<PgTable> tables, List<PgTable> sequences, Path logFile,
                PgTargetChecksums targetChecks) throws SQLException {
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
        PgCatalog to = new PgCatalog(target);
        String searchPath = from.searchPath();
        String targetDatabase = to.databaseName();
        boolean rangeScans = from.serverMajor() >= 14;
        boolean streamSums = CopyLineHash.applies(hash, from.serverMajor(), to.serverMajor(), to.serverEncoding());

        String snapshot = exportSnapshot(source);
        lockTables(source, tables);
        // the columns as they are under the locks: no column can come or go until the copy ends
        PgCatalog.CopyLayout layout = from.copyLayout();
        targetChecks.columns(layout.columns());
        List<PgTable> todo = tables.stream().filter(t -> !log.isDone(t)).toList();
        List<PgTable> kept = tables.stream().filter(log::isDone).toList();
        List<CopySlice> slices = CopySlice.plan(todo, layout.columns(), layout.heapPages(), request.jobs(), rangeScans,
                minSlicePages);
        CopySlice.requireCoverage(slices);
        // the source's fingerprints in the order the tables are copied: each is ready before its target's
        List<PgTable> order = new ArrayList<>(new LinkedHashSet<>(slices.stream().map(CopySlice::table).toList()));
        order.addAll(kept);
        CompletableFuture<Map<String, String>> sourceSums = CompletableFuture.supplyAsync(() -> {
            try {
                return PgChecksums.of(source, hash, layout.columns(), streamSums ? kept : order, sequences);
            } catch (SQLException e) {
                throw PgConnections.queryFailed(request.source(), "source", "compute checksums", e);
            }
        });
        PgDataCopy.Outcome copied;
        try (PgSchemaCopy schema = PgSchemaCopy.dump(tools, request.source(), snapshot, exclude, tables,
                request.stateDir().resolve("tmp"))) {
            if (!log.isDone(PgCopyLog.PRE_DATA)) {
                events.emit(new FerryEvent.Step("creating the schema (pg_restore --section=pre-data)"));
                schema.restore(PgCopyLog.PRE_DATA, 1, false, request.target(), targetDatabase);
                log.record(PgCopyLog.PRE_DATA);
            }
            kept.forEach(targetChecks::add);
            if (keepCopied) {
                events.emit(new FerryEvent.Step("resuming: " + kept.size() + " of " + tables.size()
                        + " tables were copied before the interruption and are kept"));
                truncate(target, slices.stream().filter(s -> !s.whole()).map(CopySlice::table).distinct().toList());
            }
            events.emit(new FerryEvent.Step("copying " + todo.size() + (todo.size() == 1 ? " table" : " tables")
                    + (request.jobs() > 1 ? " with " + request.jobs() + " jobs" : "")
                    + " (COPY streams in the source's snapshot, no temporary file)"));
            long totalBytes = todo.stream().mapToLong(PgTable::bytes).sum();
            PgDataCopy data = new PgDataCopy(request.source(), request.target(), snapshot, log, events, totalBytes,
                    streamSums);
            copied = data.run(slices, request.jobs(), targetChecks);
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
        for (PgTable table : tables) {
            String subject = "table " + table.display();
            RowSum streamed = copied.streamSums().get(table.display());
            sums.put(subject, streamed != null ? PgChecksums.fingerprint(streamed.rows(), streamed.sum())
                    : found.get(subject));
        }
        found.forEach(sums::putIfAbsent);
        return new Outcome(copied.bytes(), todo.size(), sums);
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

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
