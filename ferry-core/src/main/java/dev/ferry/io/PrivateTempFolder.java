package dev.ferry.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A temporary folder only this user can read (0700), for files that hold a database's rows (a downloaded backup, a
 * schema dump with large objects). It is deleted with everything in it on {@link #close} — after a failure too — and
 * by a shutdown hook when ferry is stopped mid-way (Ctrl-C ends the JVM through its hooks), so no copy of the data
 * stays behind.
 */
public final class PrivateTempFolder implements AutoCloseable {

    private final Path path;
    private final Thread deleteOnExit;
    private final AtomicBoolean deleted = new AtomicBoolean();

    private PrivateTempFolder(Path path, String purpose) {
        this.path = path;
        this.deleteOnExit = new Thread(this::deleteQuietly, "ferry-delete-" + purpose);
        Runtime.getRuntime().addShutdownHook(deleteOnExit);
    }

    /**
     * Creates {@code parent/PREFIXrandom} (the parent must exist).
     *
     * @param purpose a word for the shutdown hook's thread name, e.g. "backup"
     */
    public static PrivateTempFolder create(Path parent, String prefix, String purpose) throws IOException {
        Path folder = Files.createTempDirectory(parent, prefix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return new PrivateTempFolder(folder, purpose);
    }

    public Path path() {
        return path;
    }

    /** Deletes the folder and its contents (once; later calls do nothing). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(deleteOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run; it deletes the same folder
        }
        delete();
    }

    private void deleteQuietly() {
        try {
            delete();
        } catch (UncheckedIOException e) {
            // the JVM is exiting: nowhere left to report it
        }
    }

    private void delete() {
        if (!deleted.compareAndSet(false, true) || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the temporary folder " + path, e);
        }
    }
}
