package dev.ferry.heroku;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads config vars for `ferry data migrate`, streaming, so that no value but the one asked for is ever held:
 * {@link #value} keeps one var's value (the database URL to copy from), {@link #databaseUrlNames} keeps names only.
 */
final class ConfigVarPicker {

    private static final List<String> DATABASE_SCHEMES = List.of("postgres://", "postgresql://", "redis://", "rediss://");

    private ConfigVarPicker() {
    }

    /** The value of the var {@code name}, or empty when the app has no such var (or it is null). */
    static HerokuApiClient.BodyReader<Optional<String>> value(String name) {
        return body -> {
            List<String> found = new ArrayList<>(1);
            ConfigVarsJson.forEach(body, (field, value) -> {
                if (value != null && field.equals(name)) {
                    found.add(value);
                }
            });
            return found.stream().findFirst();
        };
    }

    /** The names of the vars whose values are database URLs (DATABASE_URL, HEROKU_POSTGRESQL_ONYX_URL, REDIS_URL), sorted. */
    static List<String> databaseUrlNames(byte[] body) throws IOException {
        List<String> names = new ArrayList<>();
        ConfigVarsJson.forEach(body, (field, value) -> {
            if (value != null && isDatabaseUrl(value)) {
                names.add(field);
            }
        });
        names.sort(null);
        return List.copyOf(names);
    }

    private static boolean isDatabaseUrl(String value) {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        return DATABASE_SCHEMES.stream().anyMatch(lower::startsWith);
    }
}
