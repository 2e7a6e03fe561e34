package dev.ferry.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.snapshot.HerokuFacts.DynoSize;
import dev.ferry.snapshot.HerokuFacts.FormationEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads Platform API and data API bodies into the values a snapshot keeps. Pure functions, no requests. */
final class HerokuResources {

    private HerokuResources() {
    }

    static FormationEntry formationEntry(JsonNode formation) {
        return new FormationEntry(formation.path("type").asText(), formation.path("command").asText(),
                formation.path("quantity").asInt(0), formation.path("size").asText());
    }

    /**
     * A dyno size under the name the formation uses. Dyno units: {@code precise_dyno_units} in today's API,
     * {@code dyno_units} in older answers.
     */
    static DynoSize dynoSize(String name, JsonNode size) {
        JsonNode units = size.hasNonNull("precise_dyno_units") ? size.get("precise_dyno_units") : size.get("dyno_units");
        return new DynoSize(name, size.path("memory").asDouble(),
                size.hasNonNull("compute") ? size.get("compute").asInt() : null,
                units == null || units.isNull() ? null : units.asDouble());
    }

    /** The slug of the current release: the one marked current, else the newest that succeeded. */
    static Optional<String> currentSlugId(List<JsonNode> releases) {
        List<JsonNode> newestFirst = new ArrayList<>(releases);
        newestFirst.sort(Comparator.comparingInt((JsonNode r) -> r.path("version").asInt()).reversed());
        Optional<JsonNode> current = newestFirst.stream().filter(r -> r.path("current").asBoolean(false)).findFirst()
                .or(() -> newestFirst.stream().filter(r -> "succeeded".equals(r.path("status").asText()))
                        .findFirst());
        return current.map(r -> r.path("slug").path("id").asText("")).filter(id -> !id.isEmpty());
    }

    static Map<String, String> processTypes(JsonNode slug) {
        Map<String, String> types = new TreeMap<>();
        slug.path("process_types").properties().forEach(e -> types.put(e.getKey(), e.getValue().asText()));
        return types;
    }

    /** Buildpack names (or URLs when unnamed) in the order they run. */
    static List<String> buildpacks(List<JsonNode> installations) {
        return installations.stream()
                .sorted(Comparator.comparingInt(i -> i.path("ordinal").asInt()))
                .map(i -> {
                    JsonNode buildpack = i.path("buildpack");
                    String name = buildpack.path("name").asText("");
                    return name.isEmpty() ? buildpack.path("url").asText() : name;
                })
                .toList();
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /**
     * The Postgres major version from the data API's database record: the "PG Version" info row (e.g. "17.4"),
     * else {@code postgres_version}. "17.4" gives "17"; a pre-10 "9.6.24" gives "9.6".
     */
    static Optional<String> postgresMajor(JsonNode database) {
        Optional<String> full = infoValue(database, "PG Version")
                .or(() -> text(database, "postgres_version"));
        return full.map(version -> {
            String[] parts = version.trim().split("[.\\s]");
            boolean beforeTen = parts.length > 1 && parts[0].equals("9");
            return beforeTen ? parts[0] + "." + parts[1] : parts[0];
        });
    }

    /** A Postgres add-on's data API record: its major version and its database's name, when either is there. */
    static Optional<DataApiFacts> postgresFacts(JsonNode database) {
        String major = postgresMajor(database).orElse(null);
        String name = text(database, "database_name").orElse(null);
        return major == null && name == null ? Optional.empty() : Optional.of(new DataApiFacts(major, name));
    }

    /** The Redis version from the data API's database record: {@code version}, else the "Version" info row. */
    static Optional<String> redisVersion(JsonNode database) {
        return text(database, "version").or(() -> infoValue(database, "Version")).map(String::trim);
    }

    private static Optional<String> infoValue(JsonNode database, String row) {
        for (JsonNode info : database.path("info")) {
            if (row.equals(info.path("name").asText()) && info.path("values").size() > 0) {
                String value = info.path("values").get(0).asText("");
                if (!value.isBlank()) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
