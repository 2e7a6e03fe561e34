package dev.ferry.heroku.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Platform API's endpoints as the published schema declares them (every link of every resource), so that the
 * fake answers only requests Heroku would answer and knows which definition each answer must match.
 */
final class SchemaRoutes {

    /**
     * One endpoint.
     *
     * @param definition the resource definition its answer must match, e.g. "formation"
     * @param list whether it answers with a list (and so takes a Range header)
     * @param requestSchema the link's schema for the request body (PATCH, POST), or a missing node
     */
    record Route(String method, Pattern path, String href, String definition, boolean list, int literalLength,
                 JsonNode requestSchema) {}

    private static volatile List<Route> routes;

    private SchemaRoutes() {
    }

    static Optional<Route> match(String method, String path) {
        return all().stream()
                .filter(route -> route.method().equals(method) && route.path().matcher(path).matches())
                .max(Comparator.comparingInt(Route::literalLength));
    }

    private static List<Route> all() {
        if (routes == null) {
            routes = load();
        }
        return routes;
    }

    private static List<Route> load() {
        JsonNode schema;
        try {
            schema = new ObjectMapper().readTree(Files.readString(SharedData.resolve("heroku/platform-api-schema.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Route> found = new ArrayList<>();
        schema.path("definitions").properties().forEach(resource -> {
            for (JsonNode link : resource.getValue().path("links")) {
                String href = link.path("href").asText();
                JsonNode target = link.path("targetSchema");
                boolean list = target.has("items") || target.path("type").toString().contains("array");
                String ref = list ? target.path("items").path("$ref").asText() : target.path("$ref").asText();
                String definition = ref.startsWith("#/definitions/")
                        ? ref.substring("#/definitions/".length()).split("/")[0] : resource.getKey();
                String literal = href.replaceAll("\\{[^}]*}", "");
                Pattern path = Pattern.compile(Pattern.quote(href).replaceAll("\\{[^}]*}", "\\\\E[^/]+\\\\Q"));
                found.add(new Route(link.path("method").asText(), path, href, definition, list, literal.length(),
                        link.path("schema")));
            }
        });
        return List.copyOf(found);
    }
}
