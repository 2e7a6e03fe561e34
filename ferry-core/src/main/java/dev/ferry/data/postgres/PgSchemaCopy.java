package dev.ferry.data.postgres;

import dev.ferry.data.DataEndpoint;
import dev.ferry.io.PrivateTempFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    /** Deleted on close and at Ctrl-C: the dump may hold the source's large objects (a resumed run dumps again). */
    private final PrivateTempFolder folder;
    private final Path dump;

    private PgSchemaCopy(PgTools tools, PrivateTempFolder folder) {
        this.tools = tools;
        this.folder = folder;
        this.dump = folder.path().resolve("schema.dump");
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
        folder.close();
        try {
            Files.deleteIfExists(folder.path().getParent());
        } catch (IOException stillInUse) {
            // another run's dump is in it: that run deletes it
        }
    }

    private static PrivateTempFolder privateFolder(Path parent) {
        try {
            Files.createDirectories(parent);
            return PrivateTempFolder.create(parent, "ferry-pgdump-", "schema-dump");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary folder in " + parent, e);
        }
    }
}
