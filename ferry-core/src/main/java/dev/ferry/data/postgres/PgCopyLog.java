package dev.ferry.data.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How far the copy of a run got, step by step, next to the run's {@link dev.ferry.data.RunState} file
 * ({@code postgres-<hash>.steps}): the schema before the data ({@link #PRE_DATA}), each table whose rows are committed
 * on the target ({@code table schema.name}), the sequences and large objects ({@link #DATA}) and the indexes and
 * constraints ({@link #POST_DATA}). A run resumed while copying redoes only what is not written here.
 *
 * <p>Append-only, one JSON string a line, each line flushed to disk before the next step starts: an interruption
 * leaves at worst a torn last line, which is ignored. The steps name tables, never a password.
 */
final class PgCopyLog {

    static final String PRE_DATA = "pre-data";
    static final String DATA = "data";
    static final String POST_DATA = "post-data";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Set<String> done;

    private PgCopyLog(Path file, Set<String> done) {
        this.file = file;
        this.done = done;
    }

    /** The log that belongs to a run state file. */
    static Path fileFor(Path stateFile) {
        String name = stateFile.getFileName().toString().replaceFirst("\\.json$", "");
        return stateFile.resolveSibling(name + ".steps");
    }

    /** The steps recorded so far (none if there is no log). */
    static PgCopyLog read(Path file) {
        Set<String> done = new LinkedHashSet<>();
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    try {
                        done.add(JSON.readValue(line, String.class));
                    } catch (JsonProcessingException torn) {
                        // the last line of an interrupted run: that step is not done
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the copy log " + file, e);
            }
        }
        return new PgCopyLog(file, done);
    }

    /** A new log for a copy from scratch: what an earlier run recorded is forgotten. */
    static PgCopyLog fresh(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not reset the copy log " + file, e);
        }
        return new PgCopyLog(file, new LinkedHashSet<>());
    }

    static String table(PgTable table) {
        return "table " + table.display();
    }

    synchronized boolean isDone(String step) {
        return done.contains(step);
    }

    synchronized boolean isDone(PgTable table) {
        return done.contains(table(table));
    }

    synchronized long tablesDone(List<PgTable> tables) {
        return tables.stream().filter(this::isDone).count();
    }

    /** Records a finished step durably (written and forced to disk before this returns). */
    synchronized void record(String step) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(step) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                    StandardOpenOption.DSYNC);
            done.add(step);
        } catch (IOException e) {
            throw new UncheckedIOException("could not record '" + step + "' in " + file, e);
        }
    }
}
