package dev.ferry.data.postgres;

import dev.ferry.FerryException;
import dev.ferry.data.DataEndpoint;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The copy itself: pg_dump into pg_restore, both with --no-owner --no-acl (the target has its own roles).
 * One job streams the custom format through this process (no temp file; ferry counts the bytes for the progress
 * line); N jobs dump to a private temporary folder with {@code -Fd -j N} and restore with {@code -j N}.
 * Neither is compressed: the dump never leaves this machine, so compressing it would only cost CPU (the temporary
 * folder needs about the database's size in free space).
 */
final class PgCopy {

    private static final Pattern TOC_DATA = Pattern.compile("^(\\d+); \\d+ \\d+ TABLE DATA (\\S+) (\\S+) ");
    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;

    /**
     * @param snapshot the source transaction's exported snapshot, so that the dump and the source checksums see
     *     the same data; null to let pg_dump take its own
     * @param excludeSchemas schemas pg_dump leaves out (their extensions are still dumped)
     */
    record Options(int jobs, String snapshot, List<String> excludeSchemas, Path tempParent) {}

    private final PgTools tools;
    private final DataEndpoint source;
    private final DataEndpoint target;
    private final String targetDatabase;
    private final long totalBytes;
    private final Map<String, Long> estimatedRows;
    private final EventSink events;

    PgCopy(PgTools tools, DataEndpoint source, DataEndpoint target, String targetDatabase, long totalBytes,
           Map<String, Long> estimatedRows, EventSink events) {
        this.tools = tools;
        this.source = source;
        this.target = target;
        this.targetDatabase = targetDatabase;
        this.totalBytes = totalBytes;
        this.estimatedRows = estimatedRows;
        this.events = events;
    }

    /** Copies; returns the bytes of the dump. */
    long run(Options options) {
        return options.jobs() <= 1 ? stream(options) : parallel(options);
    }

    private long stream(Options options) {
        List<String> dump = dumpCommand(options, "--format=custom", "--compress=0");
        List<String> restore = restoreCommand(1);
        AtomicLong bytes = new AtomicLong();
        RestoreProgress progress = new RestoreProgress(estimatedRows, bytes::get, Map.of());
        try (ChildProcess dumper = ChildProcess.start(dump, PgConnections.childEnvironment(source), source.url(),
                true, false, line -> { });
             ChildProcess restorer = ChildProcess.start(restore, PgConnections.childEnvironment(target), target.url(),
                     false, true, progress::onLine)) {
            boolean restoreGone = pump(dumper.process().getInputStream(), restorer.process().getOutputStream(),
                    bytes, progress);
            if (restoreGone) {
                restorer.awaitSuccess(); // it stopped reading: its own error says why
            }
            dumper.awaitSuccess();
            restorer.awaitSuccess();
            progress.finish();
            progress.drain(events);
            return bytes.get();
        }
    }

    /** Copies dump → restore; returns true when the restore stopped reading early. */
    private boolean pump(InputStream from, OutputStream to, AtomicLong bytes, RestoreProgress progress) {
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
                        progress.drain(events);
                        events.emit(new FerryEvent.Progress("copy", bytes.get(), totalBytes));
                    }
                }
            } catch (IOException restoreStopped) {
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read pg_dump's output", e);
        }
        return false;
    }

    private long parallel(Options options) {
        Path folder = privateFolder(options.tempParent());
        try {
            Path dumpDir = folder.resolve("dump");
            events.emit(new FerryEvent.Step("dumping with " + options.jobs() + " jobs into a temporary folder"));
            List<String> dump = dumpCommand(options, "--format=directory", "--compress=0",
                    "--jobs=" + options.jobs(), "--file=" + dumpDir);
            try (ChildProcess dumper = ChildProcess.start(dump, PgConnections.childEnvironment(source), source.url(),
                    false, false, line -> { })) {
                waitReporting(dumper, () -> events.emit(new FerryEvent.Progress("dump", folderSize(dumpDir), totalBytes)));
                dumper.awaitSuccess();
            }
            long bytes = folderSize(dumpDir);
            events.emit(new FerryEvent.Step("restoring with " + options.jobs() + " jobs"));
            RestoreProgress progress = new RestoreProgress(estimatedRows, () -> 0, dataFileSizes(dumpDir));
            List<String> restore = restoreCommand(options.jobs());
            restore.add(dumpDir.toString());
            try (ChildProcess restorer = ChildProcess.start(restore, PgConnections.childEnvironment(target),
                    target.url(), false, false, progress::onLine)) {
                waitReporting(restorer, () -> {
                    progress.drain(events);
                    events.emit(new FerryEvent.Progress("restore", progress.tablesDone(), estimatedRows.size()));
                });
                restorer.awaitSuccess();
                progress.drain(events);
            }
            return bytes;
        } finally {
            deleteRecursively(folder);
        }
    }

    private List<String> dumpCommand(Options options, String... format) {
        List<String> command = new ArrayList<>(List.of(tools.pgDump(), "--no-owner", "--no-acl"));
        command.addAll(List.of(format));
        if (options.snapshot() != null) {
            command.add("--snapshot=" + options.snapshot());
        }
        for (String schema : options.excludeSchemas()) {
            command.add("--exclude-schema=" + schema);
        }
        return command;
    }

    private List<String> restoreCommand(int jobs) {
        List<String> command = new ArrayList<>(List.of(tools.pgRestore(), "--no-owner", "--no-acl",
                "--exit-on-error", "--verbose", "--dbname=" + targetDatabase));
        if (jobs > 1) {
            command.add("--jobs=" + jobs);
        }
        return command;
    }

    private static void waitReporting(ChildProcess child, Runnable report) {
        try {
            while (!child.process().waitFor(250, TimeUnit.MILLISECONDS)) {
                report.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FerryException.failed("interrupted", null, e);
        }
    }

    /** "schema.table" → size of its data file, from the dump's table of contents. */
    private Map<String, Long> dataFileSizes(Path dumpDir) {
        Map<String, Long> sizes = new HashMap<>();
        try {
            Process list = new ProcessBuilder(tools.pgRestore(), "--list", dumpDir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            for (String line : new String(list.getInputStream().readAllBytes()).split("\n")) {
                Matcher m = TOC_DATA.matcher(line);
                if (m.find()) {
                    Path file = Files.exists(dumpDir.resolve(m.group(1) + ".dat.gz"))
                            ? dumpDir.resolve(m.group(1) + ".dat.gz") : dumpDir.resolve(m.group(1) + ".dat");
                    sizes.put(m.group(2) + "." + m.group(3), Files.exists(file) ? Files.size(file) : 0L);
                }
            }
            list.waitFor();
        } catch (IOException e) {
            return Map.of(); // only the progress lines lose their byte counts
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return sizes;
    }

    /** A folder only this user can read: the dump holds the whole database. */
    private static Path privateFolder(Path parent) {
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "ferry-pgdump-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary folder in " + parent, e);
        }
    }

    private static long folderSize(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0; // pg_dump is still writing: a file vanished or grew under us
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the temporary dump folder " + dir, e);
        }
    }
}
