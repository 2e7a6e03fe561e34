package dev.ferry.data.heroku;

import dev.ferry.FerryException;
import dev.ferry.data.Sizes;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.io.PrivateTempFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A Heroku backup downloaded to a private temporary file, for a parallel restore: {@code pg_restore -j} reads the
 * dump out of order, which a stream cannot give it. The file (0600) sits in a folder of its own (0700) under the
 * temporary folder, named after the backup (never after its signed URL). It is deleted on {@link #close} — after a
 * failure too — and by a shutdown hook when ferry is stopped mid-way (Ctrl-C), since the dump holds every row of the
 * database. Before anything is downloaded, the folder's free space is checked against the size the data API gave.
 */
public final class BackupFile implements AutoCloseable {

    /** Room left over beside the backup: other programs write to the temporary folder too. */
    static final long HEADROOM = 64L << 20;
    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;

    private final PrivateTempFolder folder;
    private final Path file;
    private long bytes;

    private BackupFile(PrivateTempFolder folder, Path file) {
        this.folder = folder;
        this.file = file;
    }

    /** The temporary folder: {@code TMPDIR} when set, as other Unix tools read it, else the JVM's. */
    public static Path tempRoot(Map<String, String> environment) {
        String tmpdir = environment.get("TMPDIR");
        return Path.of(tmpdir != null && !tmpdir.isBlank() ? tmpdir : System.getProperty("java.io.tmpdir"));
    }

    /** Downloads the backup under {@code root}; on any failure nothing is left behind. */
    public static BackupFile download(HerokuBackup backup, Path root, EventSink events) {
        return download(backup, root, events, BackupFile::usableSpace);
    }

    static BackupFile download(HerokuBackup backup, Path root, EventSink events, ToLongFunction<Path> freeSpace) {
        requireRoom(backup, backup.dumpBytes(), root, freeSpace);
        BackupFile created = create(backup, root);
        try {
            created.fill(backup, root, events, freeSpace);
            return created;
        } catch (RuntimeException | Error e) {
            created.close();
            throw e;
        }
    }

    /** The downloaded dump. */
    public Path path() {
        return file;
    }

    /** Its size. */
    public long bytes() {
        return bytes;
    }

    /** Deletes the file and its folder (once; later calls do nothing). */
    @Override
    public void close() {
        folder.close();
    }

    private static BackupFile create(HerokuBackup backup, Path root) {
        try {
            PrivateTempFolder folder = PrivateTempFolder.create(root, "ferry-backup-", "backup");
            try {
                Path file = Files.createFile(folder.path().resolve(backup.name() + ".dump"),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                return new BackupFile(folder, file);
            } catch (IOException | RuntimeException e) {
                folder.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw FerryException.environment("the temporary folder " + root + " does not exist",
                    "run again with TMPDIR=<a folder with room for the backup>, or without --jobs to stream it");
        } catch (IOException e) {
            throw cannotWrite(backup, root, e);
        }
    }

    private void fill(HerokuBackup backup, Path root, EventSink events, ToLongFunction<Path> freeSpace) {
        BackupDownload.Stream download = BackupDownload.open(backup);
        long total = Math.max(download.length(), backup.dumpBytes());
        long started = System.nanoTime();
        try (InputStream in = download.body()) {
            if (download.length() > backup.dumpBytes()) {
                requireRoom(backup, download.length(), root, freeSpace);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                copy(backup, in, out, total, root, events);
            } catch (IOException closing) {
                throw cannotWrite(backup, root, closing);
            }
        } catch (IOException closingDownload) {
            // the bytes are all on disk; a failed close of the connection loses nothing
        }
        events.emit(new FerryEvent.Step("downloaded backup " + backup.name() + " (" + Sizes.human(bytes) + " in "
                + String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9)
                + ") to a private temporary file in " + root + ", deleted after the restore"));
    }

    private void copy(HerokuBackup backup, InputStream in, OutputStream out, long total, Path root,
                      EventSink events) {
        byte[] buffer = new byte[1 << 20];
        long lastReport = System.nanoTime();
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                throw FerryException.environment("the download of the Heroku backup " + backup.name()
                        + " broke off after " + bytes + " bytes: " + e.getClass().getSimpleName(),
                        "run again (a new backup is captured)");
            }
            if (n < 0) {
                events.emit(new FerryEvent.Progress("download", bytes, total > 0 ? total : -1));
                return;
            }
            try {
                out.write(buffer, 0, n);
            } catch (IOException e) {
                throw cannotWrite(backup, root, e);
            }
            bytes += n;
            if (System.nanoTime() - lastReport > PROGRESS_EVERY_NANOS) {
                lastReport = System.nanoTime();
                events.emit(new FerryEvent.Progress("download", bytes, total > 0 ? total : -1));
            }
        }
    }

    /** Refuses before any byte is written when the backup (and some head room) does not fit. */
    private static void requireRoom(HerokuBackup backup, long size, Path root, ToLongFunction<Path> freeSpace) {
        if (size <= 0) {
            return; // the data API did not say; a full disk is still reported by cannotWrite
        }
        long free = freeSpace.applyAsLong(root);
        if (free >= 0 && free < size + HEADROOM) {
            throw FerryException.environment("the Heroku backup " + backup.name() + " (" + Sizes.human(size)
                            + ") does not fit in the temporary folder " + root + " (" + Sizes.human(free) + " free)",
                    "run again with TMPDIR=<a folder with " + Sizes.human(size + HEADROOM) + " free>, or without"
                            + " --jobs to stream the backup with no temporary file");
        }
    }

    private static FerryException cannotWrite(HerokuBackup backup, Path root, IOException e) {
        return FerryException.environment("could not write the Heroku backup " + backup.name() + " to the temporary"
                        + " folder " + root + ": " + e.getMessage(),
                "run again with TMPDIR=<a writable folder with room for the backup>, or without --jobs to stream it");
    }

    /** Free bytes for an unprivileged writer; -1 when the file system does not say (the check is then skipped). */
    private static long usableSpace(Path root) {
        try {
            return Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
