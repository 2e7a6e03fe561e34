package dev.ferry.data.postgres;

import dev.ferry.data.DataEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything but the tables' rows, through pg_dump and pg_restore: one custom-format dump in the copy's snapshot
 * with every table's data left out (schemas, extensions, types, tables, functions, sequences with their values,
 * large objects, indexes, constraints, triggers, views), restored in three sections around the data copy:
 * pre-data before it, data (sequence values and large objects) and post-data (indexes and constraints, with
 * {@code --jobs}) after it. Both with --no-owner --no-acl: the target has its own roles.
 *
 * <p>The dump is a small file (DDL, plus the large objects if any) in a folder only this user can read; it is not
 * compressed: it never leaves this machine, so compressing it would only cost CPU.
 */
final class PgSchemaCopy implements AutoCloseable {

    private final PgTools tools;
    private final Path folder;
    private final Path dump;

    private final Thread deleteOnExit;

    private PgSchemaCopy(PgTools tools, Path folder) {
        this.tools = tools;
        this.folder = folder;
        this.dump = folder.resolve("schema.dump");
        // Ctrl-C ends the JVM through its shutdown hooks: the dump (it may hold the source's large objects) must
        // not stay behind; a resumed run dumps the schema again anyway
        this.deleteOnExit = new Thread(this::deleteQuietly, "ferry-schema-dump-delete");
        Runtime.getRuntime().addShutdownHook(deleteOnExit);
    }

    /**
     * @param snapshot the source transaction's exported snapshot
     * @param excludeSchemas schemas left out (their extensions are still dumped)
     * @param tables the tables whose rows ferry copies itself
     */
    static PgSchemaCopy dump(PgTools tools, DataEndpoint source, String snapshot, List<String> excludeSchemas,
                             List<PgTable> tables, Path tempParent) {
        PgSchemaCopy copy = new PgSchemaCopy(tools, privateFolder(tempParent));
        try {
            List<String> command = new ArrayList<>(List.of(tools.pgDump(), "--no-owner", "--no-acl",
                    "--format=custom", "--compress=0", "--snapshot=" + snapshot, "--file=" + copy.dump));
            excludeSchemas.forEach(schema -> command.add("--exclude-schema=" + schema));
            // a quoted pattern matches the name literally: no wildcard, no case folding
            tables.forEach(table -> command.add("--exclude-table-data=" + table.quoted()));
            try (ChildProcess dumper = ChildProcess.start(command, PgConnections.childEnvironment(source),
                    source.url(), false, false, line -> { })) {
                dumper.awaitSuccess();
            }
            return copy;
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    /**
     * Restores one section ("pre-data", "data" or "post-data").
     *
     * @param clean drop what the section creates first, if it exists (a resumed run that stopped inside it)
     */
    void restore(String section, int jobs, boolean clean, DataEndpoint target, String targetDatabase) {
        List<String> command = new ArrayList<>(List.of(tools.pgRestore(), "--no-owner", "--no-acl",
                "--exit-on-error", "--section=" + section, "--dbname=" + targetDatabase));
        if (jobs > 1) {
            command.add("--jobs=" + jobs);
        }
        if (clean) {
            command.addAll(List.of("--clean", "--if-exists"));
        }
        command.add(dump.toString());
        try (ChildProcess restorer = ChildProcess.start(command, PgConnections.childEnvironment(target),
                target.url(), false, false, line -> { })) {
            restorer.awaitSuccess();
        }
    }

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
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the temporary dump folder " + folder, e);
        }
        try {
            Files.deleteIfExists(folder.getParent());
        } catch (IOException stillInUse) {
            // another run's dump is in it: that run deletes it
        }
    }

    /** A folder only this user can read: the dump may hold large objects. */
    private static Path privateFolder(Path parent) {
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "ferry-pgdump-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary folder in " + parent, e);
        }
    }
}
