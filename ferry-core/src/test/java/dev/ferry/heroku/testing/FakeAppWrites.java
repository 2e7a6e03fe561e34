package dev.ferry.heroku.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The Platform API writes the fake accepts, with their effect kept: {@code PATCH /apps/{app}} (maintenance) and
 * {@code PATCH /apps/{app}/formation} (a batch of {@code {type, quantity}} updates). Later GETs of the app and its
 * formation see the change, as on Heroku. The request body has been checked against the link's schema by then; the
 * answer is the app (or the updated process types) as the schema defines it, checked by the caller.
 */
final class FakeAppWrites {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AppFixtures fixtures;
    private final Map<String, ObjectNode> apps = new ConcurrentHashMap<>();
    private final Map<String, ArrayNode> formations = new ConcurrentHashMap<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    FakeAppWrites(AppFixtures fixtures) {
        this.fixtures = fixtures;
    }

    /** The current answer to GET /apps/{app} or /apps/{app}/formation once a write changed it. */
    Optional<JsonNode> current(String path) {
        String[] segments = path.substring(1).split("/");
        if (segments.length == 2 && segments[0].equals("apps")) {
            return Optional.ofNullable(apps.get(segments[1]));
        }
        if (segments.length == 3 && segments[0].equals("apps") && segments[2].equals("formation")) {
            return Optional.ofNullable(formations.get(segments[1]));
        }
        return Optional.empty();
    }

    /** Applies a PATCH; the answer body, or empty when the app is unknown. */
    synchronized Optional<JsonNode> patch(String path, JsonNode body, Consumer<String> violations) {
        String[] segments = path.substring(1).split("/");
        String app = segments[1];
        if (!fixtures.serves(app)) {
            return Optional.empty();
        }
        if (segments.length == 2) {
            ObjectNode current = app(app);
            if (body.has("maintenance")) {
                current.put("maintenance", body.get("maintenance").asBoolean());
                log.add("maintenance " + app + " " + body.get("maintenance").asBoolean());
            }
            return Optional.of(current);
        }
        ArrayNode formation = formation(app);
        ArrayNode updated = JSON.createArrayNode();
        for (JsonNode update : body.path("updates")) {
            String type = update.path("type").asText();
            ObjectNode process = find(formation, type);
            if (process == null) {
                violations.accept("PATCH " + path + ": no process type " + type + " (Heroku answers 404)");
                continue;
            }
            if (update.has("quantity")) {
                process.put("quantity", update.get("quantity").asInt());
                log.add("scale " + app + " " + type + "=" + update.get("quantity").asInt());
            }
            updated.add(process);
        }
        return Optional.of(updated);
    }

    /** The writes so far, in order: "maintenance APP true", "scale APP TYPE=N". */
    List<String> log() {
        return List.copyOf(log);
    }

    boolean maintenance(String app) {
        return app(app).path("maintenance").asBoolean(false);
    }

    Map<String, Integer> quantities(String app) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        formation(app).forEach(p -> quantities.put(p.path("type").asText(), p.path("quantity").asInt()));
        return quantities;
    }

    private ObjectNode app(String app) {
        return apps.computeIfAbsent(app, name -> (ObjectNode) fixtures.platform("/apps/" + name).orElseThrow()
                .deepCopy());
    }

    private ArrayNode formation(String app) {
        return formations.computeIfAbsent(app, name -> (ArrayNode) fixtures.platform("/apps/" + name + "/formation")
                .orElseGet(JSON::createArrayNode).deepCopy());
    }

    private static ObjectNode find(ArrayNode formation, String type) {
        for (JsonNode process : formation) {
            if (process.path("type").asText().equals(type) || process.path("id").asText().equals(type)) {
                return (ObjectNode) process;
            }
        }
        return null;
    }
}
