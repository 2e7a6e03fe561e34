package dev.ferry.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ferry.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one way a data run keeps a record under {@code .ferry/data}: indented JSON, replaced atomically so that an
 * interrupted write never leaves half a record for {@code --resume} or {@code --rollback} to trip on.
 */
public final class StateFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StateFiles() {
    }

    /** The record in {@code file}; empty when there is none yet. */
    public static <T> Optional<T> read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the run record " + file, e);
        }
    }

    /** Writes {@code record} to {@code file}, replacing what was there. */
    public static void write(Path file, Object record) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsString(record) + "\n", true);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
