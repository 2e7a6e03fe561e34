package dev.ferry.io;

import dev.ferry.FerryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that a reader sees the old content or the new, never half of either, and so that nothing that
 * exists is replaced unless the caller says so.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code content} to {@code target} through a temporary file in the same folder and an atomic rename.
     *
     * @param overwrite whether an existing file may be replaced; when false and it exists, a bad-input error says
     *     to use --force
     */
    public static void write(Path target, String content, boolean overwrite) {
        if (!overwrite && Files.exists(target.toAbsolutePath())) {
            throw FerryException.badInput(target + " already exists",
                    "review it, then run again with --force to replace it, or choose another file with --out");
        }
        replace(target, content, null);
    }

    /**
     * Writes a file only its owner may read (rw-------), replacing any earlier version: ferry's own private state,
     * such as the local config store. The temporary file is owner-only from its creation, so no value is ever
     * readable by others, not even for an instant.
     */
    public static void writeOwnerOnly(Path target, String content) {
        replace(target, content, PosixFilePermissions.fromString("rw-------"));
    }

    /** Temporary file in the same folder, then an atomic rename; {@code mode} null keeps the usual permissions. */
    private static void replace(Path target, String content, Set<PosixFilePermission> mode) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                setPermissions(temp, absolute, mode);
                try {
                    Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }

    /**
     * A temporary file is created owner-only; the file it replaces keeps its own mode, and a new file gets the
     * ordinary rw-r--r-- a user expects of a compose file; private files ask for rw------- explicitly.
     */
    private static void setPermissions(Path temp, Path target, Set<PosixFilePermission> wanted) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> mode = wanted != null ? wanted
                : Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, mode);
    }
}
