package dev.ferry.heroku;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Reads config vars for `ferry data migrate`, streaming, so that no value but the one asked for is ever held:
 * {@link #value} keeps one var's value (the database URL to copy from), {@link #databaseUrlNames} keeps names only.
 */
final class ConfigVarPicker {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final List<String> DATABASE_SCHEMES = List.of("postgres://", "postgresql://", "redis://", "rediss://");

    private ConfigVarPicker() {
    }

    /** The value of the var {@code name}, or empty when the app has no such var (or it is null). */
    static HerokuApiClient.BodyReader<Optional<String>> value(String name) {
        return body -> {
            List<String> found = new ArrayList<>(1);
            forEachText(body, (field, value) -> {
                if (field.equals(name)) {
                    found.add(value);
                }
            });
            return found.stream().findFirst();
        };
    }

    /** The names of the vars whose values are database URLs (DATABASE_URL, HEROKU_POSTGRESQL_ONYX_URL, REDIS_URL), sorted. */
    static List<String> databaseUrlNames(byte[] body) throws IOException {
        List<String> names = new ArrayList<>();
        forEachText(body, (field, value) -> {
            if (isDatabaseUrl(value)) {
                names.add(field);
            }
        });
        names.sort(null);
        return List.copyOf(names);
    }

    /**
     * Streams the config-vars object, handing each var that has a scalar value to {@code visitor} one at a time;
     * the visitor decides what, if anything, to keep. Null values and nested structures are skipped.
     */
    private static void forEachText(byte[] body, BiConsumer<String, String> visitor) throws IOException {
        try (JsonParser parser = objectParser(body)) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token.isStructStart()) {
                    parser.skipChildren();
                } else if (token != JsonToken.VALUE_NULL) {
                    visitor.accept(field, parser.getValueAsString());
                }
            }
        }
    }

    private static boolean isDatabaseUrl(String value) {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        return DATABASE_SCHEMES.stream().anyMatch(lower::startsWith);
    }

    private static JsonParser objectParser(byte[] body) throws IOException {
        JsonParser parser = FACTORY.createParser(body);
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            parser.close();
            throw new IOException("config vars are not a JSON object");
        }
        return parser;
    }
}
