package dev.ferry.snapshot;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ferry.FerryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes snapshots as canonical JSON: keys sorted, two-space indent, trailing newline, so that the same
 * facts always give the same bytes and a snapshot diff is readable.
 */
public final class SnapshotJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private SnapshotJson() {
    }

    public static String write(AppSnapshot snapshot) {
        try {
            return MAPPER.writeValueAsString(snapshot) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot could not be written as JSON", e);
        }
    }

    /**
     * Parses a snapshot; {@code fileName} is used in error messages. Malformed or mismatched JSON becomes one
     * bad-input error that names the file and line.
     */
    public static AppSnapshot parse(String json, String fileName) {
        AppSnapshot snapshot;
        try {
            snapshot = MAPPER.readValue(json, AppSnapshot.class);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            int line = where == null ? 0 : where.getLineNr();
            String problem = e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                    ? "unexpected value at " + pathOf(mismatch)
                    : "not valid JSON (" + e.getOriginalMessage().split("\n")[0] + ")";
            throw FerryException.badInput(fileName, line, "not a ferry snapshot: " + problem,
                    "regenerate it with `ferry init --from heroku --app NAME`");
        } catch (IllegalArgumentException e) {
            throw FerryException.badInput(fileName, 0, "not a ferry snapshot: " + e.getMessage(),
                    "regenerate it with `ferry init --from heroku --app NAME`");
        }
        if (snapshot == null) {
            throw FerryException.badInput(fileName, 0, "the file is empty",
                    "regenerate it with `ferry init --from heroku --app NAME`");
        }
        if (snapshot.formatVersion() != AppSnapshot.FORMAT_VERSION) {
            throw FerryException.badInput(fileName, 0, "snapshot format " + snapshot.formatVersion()
                    + " is not supported (this ferry reads format " + AppSnapshot.FORMAT_VERSION + ")",
                    "regenerate it with this version of ferry");
        }
        return snapshot;
    }

    public static AppSnapshot read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw FerryException.badInput(file.toString(), 0, "no such file", "check the path");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pathOf(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
