package dev.ferry.data.postgres;

import dev.ferry.FerryException;
import dev.ferry.data.DataEndpoint;
import dev.ferry.data.Verification;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restores a custom-format dump (a Heroku backup) into a target database: as a stream, with pg_restore reading its
 * stdin as the download arrives ({@link #restore}, no temporary file), or from a downloaded file with parallel
 * workers ({@link #restoreFile}). The source is a file, not a live database, so there is no snapshot
 * to share and no source catalog to plan from; what can be proven afterwards is in {@link #againstDump} (every table
 * the dump holds data for is in the target, with its rows counted) and, when the live database has not moved since the
 * backup (a maintenance window), {@link #againstSource} (the same checksums as a live copy).
 *
 * <p>A separate class from {@link PostgresMover} on purpose: the mover's plan, snapshot and resume are about a live
 * source; this shares only the target side (tools, connections, emptying, checksums).
 */
public final class DumpRestore {

    private static final Pattern DATA_LINE = Pattern.compile("processing data for table \"(.+)\"");
    /** A parallel pg_restore's line when a worker is done with a table's data. */
    private static final Pattern FINISHED_DATA_LINE = Pattern.compile(": finished item \\d+ TABLE DATA ");
    /** A line of {@code pg_restore --list}: "3349; 0 16386 TABLE DATA public items owner". */
    private static final Pattern TOC_DATA_LINE = Pattern.compile("^\\d+; \\d+ \\d+ TABLE DATA ");
    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;

    private final Map<String, String> environment;

    /** @param environment where FERRY_PG_BIN is looked up */
    public DumpRestore(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** What the restore wrote: bytes of the dump and the tables whose data it restored, in order. */
    public record Restored(long bytes, List<String> tables, Duration time) {
        public Restored {
            tables = List.copyOf(tables);
        }
    }

    /**
     * What the target holds, one line each (empty for an empty database). Non-empty without {@code force} is refused
     * with the same words as a live move.
     */
    public List<String> checkTarget(DataEndpoint target, boolean force) {
        try (Connection connection = PgConnections.open(target, "target")) {
            List<String> contents = new PgCatalog(connection).contents();
            if (!contents.isEmpty() && !force) {
                List<String> shown = contents.size() > 8 ? contents.subList(0, 8) : contents;
                throw FerryException.badInput("the target database " + target.url().place() + " is not empty: "
                                + String.join(", ", shown) + (contents.size() > shown.size() ? ", … (" + contents.size()
                                + " in all)" : ""),
                        "choose an empty database, or add --force to drop these objects first (the plan lists them)");
            }
            return contents;
        } catch (SQLException e) {
            throw PgConnections.queryFailed(target, "target", "read the catalog", e);
        }
    }

    /**
     * Streams {@code dump} into pg_restore (--no-owner --no-acl --exit-on-error). {@code dropFirst} empties the target
     * before. {@code dumpBytes} is the expected size for the progress bar (0 when unknown).
     */
    public Restored restore(InputStream dump, long dumpBytes, DataEndpoint target, boolean dropFirst,
                            EventSink events) {
        PgTools tools = PgTools.locate(environment);
        long started = System.nanoTime();
        String database = prepare(target, dropFirst, events);
        List<String> tables = new CopyOnWriteArrayList<>();
        List<String> command = List.of(tools.pgRestore(), "--no-owner", "--no-acl", "--exit-on-error", "--verbose",
                "--dbname=" + database);
        AtomicLong bytes = new AtomicLong();
        try (ChildProcess restorer = ChildProcess.start(command, PgConnections.childEnvironment(target), target.url(),
                false, true, line -> collectTable(line, tables))) {
            boolean stoppedReading = pump(dump, restorer.process().getOutputStream(), bytes, dumpBytes, events);
            awaitRestore(restorer);
            if (stoppedReading) {
                throw FerryException.failed("pg_restore stopped reading the backup before its end",
                        "run again with --debug", null);
            }
        }
        setHerokuSearchPath(target, database, events);
        tables.forEach(table -> events.emit(new FerryEvent.Step("restored " + table)));
        return new Restored(bytes.get(), tables, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Restores a custom-format dump file with {@code jobs} parallel pg_restore workers (--no-owner --no-acl
     * --exit-on-error): the parallel restore needs a file it can seek in, which a download stream is not. Progress
     * counts the tables whose data is restored, out of those the dump's table of contents lists.
     */
    public Restored restoreFile(Path dump, int jobs, DataEndpoint target, boolean dropFirst, EventSink events) {
        PgTools tools = PgTools.locate(environment);
        long started = System.nanoTime();
        String database = prepare(target, dropFirst, events);
        long dataItems = dataItems(tools, dump, target);
        List<String> tables = new CopyOnWriteArrayList<>();
        AtomicLong finished = new AtomicLong();
        List<String> command = List.of(tools.pgRestore(), "--no-owner", "--no-acl", "--exit-on-error", "--verbose",
                "--jobs=" + jobs, "--dbname=" + database, dump.toString());
        try (ChildProcess restorer = ChildProcess.start(command, PgConnections.childEnvironment(target), target.url(),
                false, false, line -> {
                    collectTable(line, tables);
                    if (FINISHED_DATA_LINE.matcher(line).find()) {
                        events.emit(new FerryEvent.Progress("restore tables", finished.incrementAndGet(), dataItems));
                    }
                })) {
            awaitRestore(restorer);
        }
        setHerokuSearchPath(target, database, events);
        tables.forEach(table -> events.emit(new FerryEvent.Step("restored " + table)));
        long size;
        try {
            size = Files.size(dump);
        } catch (IOException e) {
            size = 0;
        }
        return new Restored(size, tables, Duration.ofNanos(System.nanoTime() - started));
    }

    /** A failed restore's advice is a new run (a backup has no --resume: the next run captures a new one). */
    private static void awaitRestore(ChildProcess restorer) {
        try {
            restorer.awaitSuccess();
        } catch (FerryException e) {
            if (e.kind() != FerryException.Kind.FAILED || e.hint() == null) {
                throw e;
            }
            throw new FerryException(e.kind(), e.getMessage(), "fix the cause above and run again (a new backup is"
                    + " captured)", e.getCause());
        }
    }

    /** How many table data items the dump's table of contents lists ({@code pg_restore --list}); -1 if unknown. */
    private static long dataItems(PgTools tools, Path dump, DataEndpoint target) {
        try (ChildProcess lister = ChildProcess.start(List.of(tools.pgRestore(), "--list", dump.toString()),
                Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "LC_ALL", "C"), target.url(),
                true, false, line -> { })) {
            String toc = new String(lister.process().getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            lister.awaitSuccess();
            return toc.lines().filter(line -> TOC_DATA_LINE.matcher(line).find()).count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Empties the target first if asked; returns the database's name for pg_restore. */
    private static String prepare(DataEndpoint target, boolean dropFirst, EventSink events) {
        try (Connection connection = PgConnections.open(target, "target")) {
            if (dropFirst) {
                events.emit(new FerryEvent.Step("dropping what the target holds"));
                PgTargetPreparation.empty(connection);
            }
            return new PgCatalog(connection).databaseName();
        } catch (SQLException e) {
            throw PgConnections.queryFailed(target, "target", "prepare the target", e);
        }
    }

    /** pg_restore --verbose names each table whose data it restores, in one worker or many. */
    private static void collectTable(String line, List<String> tables) {
        Matcher m = DATA_LINE.matcher(line);
        if (m.find()) {
            tables.add(m.group(1));
        }
    }

    /**
     * The target against the dump: every table the dump restored data for must be in the target. Rows are counted
     * exactly ({@code count(*)}), for the report: the dump itself carries no counts to compare them with.
     *
     * @return the checks, and table → rows in the target
     */
    public DumpCheck againstDump(List<String> dumpTables, DataEndpoint target) {
        List<Verification.Check> checks = new ArrayList<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = PgConnections.open(target, "target")) {
            List<String> present = new PgCatalog(connection).tables().stream().map(PgTable::display).toList();
            for (String table : dumpTables) {
                boolean there = present.contains(table);
                checks.add(new Verification.Check("table " + table, "in the backup",
                        there ? "in the backup" : "missing"));
                if (there) {
                    rows.put(table, count(connection, table));
                }
            }
        } catch (SQLException e) {
            throw PgConnections.queryFailed(target, "target", "count rows", e);
        }
        return new DumpCheck(new Verification(checks), rows);
    }

    /** What {@link #againstDump} found. */
    public record DumpCheck(Verification verification, Map<String, Long> rows) {
        public DumpCheck {
            rows = Map.copyOf(rows);
        }
    }

    /**
     * The live source against the target with the checksums of a live move (rows, per-table sums, sequences, large
     * objects). Sound only when the source has not changed since the backup was taken.
     */
    public Verification againstSource(DataEndpoint source, DataEndpoint target) {
        try (Connection from = PgConnections.open(source, "source");
             Connection to = PgConnections.open(target, "target")) {
            PgCatalog sourceCatalog = new PgCatalog(from);
            List<PgTable> tables = sourceCatalog.tables();
            List<PgTable> sequences = sourceCatalog.sequences();
            RowHash hash = RowHash.forServers(sourceCatalog.serverMajor(), new PgCatalog(to).serverMajor());
            Map<String, String> columns = sourceCatalog.copyLayout().columns();
            Map<String, String> sourceSums = PgChecksums.of(from, hash, columns, tables, sequences);
            return PgVerifier.compare(sourceSums, () -> PgConnections.open(target, "target"),
                    Math.max(1, Math.min(2, tables.size())), hash, columns, new PgCatalog(to).tables(), tables,
                    sequences);
        } catch (SQLException e) {
            throw PgConnections.queryFailed(source, "source", "verify", e);
        }
    }

    /** Drops everything in the target (user schemas, extensions, large objects), as --force does before a copy. */
    public static void empty(DataEndpoint target) {
        try (Connection connection = PgConnections.open(target, "target")) {
            PgTargetPreparation.empty(connection);
        } catch (SQLException e) {
            throw PgConnections.queryFailed(target, "target", "empty the database", e);
        }
    }

    /** Whether the target holds nothing a person put there. */
    public static boolean isEmpty(DataEndpoint target) {
        try (Connection connection = PgConnections.open(target, "target")) {
            return new PgCatalog(connection).contents().isEmpty();
        } catch (SQLException e) {
            throw PgConnections.queryFailed(target, "target", "read the catalog", e);
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        int dot = table.indexOf('.');
        String quoted = PgTable.quote(table.substring(0, dot)) + "." + PgTable.quote(table.substring(dot + 1));
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM ONLY "
                + quoted)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A Heroku dump recreates heroku_ext and its extensions but not the database's search_path, which on Heroku names
     * heroku_ext so that apps use extension types unqualified: set Heroku's default when the schema came with the dump.
     */
    private static void setHerokuSearchPath(DataEndpoint target, String database, EventSink events) {
        try (Connection connection = PgConnections.open(target, "target"); Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pg_namespace WHERE nspname = '"
                     + PgTargetPreparation.HEROKU_EXT + "'")) {
            if (rs.next() && PgTargetPreparation.carrySearchPath("\"$user\", public, heroku_ext", connection,
                    database)) {
                events.emit(new FerryEvent.Step("target database search_path set to Heroku's: \"$user\", public,"
                        + " heroku_ext"));
            }
        } catch (SQLException e) {
            throw PgConnections.queryFailed(target, "target", "set the search_path", e);
        }
    }

    /** Copies the download into pg_restore; returns true when pg_restore stopped reading early. */
    private static boolean pump(InputStream from, OutputStream to, AtomicLong bytes, long total, EventSink events) {
        byte[] buffer = new byte[1 << 20];
        long lastReport = System.nanoTime();
        try (from) {
            try (to) {
                int n;
                while ((n = from.read(buffer)) >= 0) {
                    to.write(buffer, 0, n);
                    bytes.addAndGet(n);
                    if (System.nanoTime() - lastReport > PROGRESS_EVERY_NANOS) {
                        lastReport = System.nanoTime();
                        events.emit(new FerryEvent.Progress("restore", bytes.get(), total > 0 ? total : -1));
                    }
                }
            } catch (IOException restoreStopped) {
                return true;
            }
        } catch (IOException e) {
            throw FerryException.environment("the backup's download broke off after " + bytes.get() + " bytes: "
                    + e.getClass().getSimpleName(), "run again (a new backup is captured)");
        }
        return false;
    }
}
