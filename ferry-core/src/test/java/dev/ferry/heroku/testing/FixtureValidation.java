package dev.ferry.heroku.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.testing.Schemas;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks an answer against the Heroku schema with {@link Schemas#herokuErrors}, minus the schema's known defects:
 * places where the published schema contradicts its own examples and the live API. Each one is listed here with the
 * reason; nothing else is forgiven.
 */
final class FixtureValidation {

    /**
     * domain.hostname is declared {@code "format": "uri"}, yet its own example is "subdomain.example.com" and the API
     * answers bare host names; an RFC 3986 URI needs a scheme, so every real answer would fail.
     */
    private static final Pattern DOMAIN_HOSTNAME_FORMAT =
            Pattern.compile("^domain(\\[\\d+])? /hostname: does not match the uri pattern.*");

    private FixtureValidation() {
    }

    static List<String> errors(String definition, JsonNode body) {
        return Schemas.herokuErrors(definition, body).stream()
                .filter(error -> !DOMAIN_HOSTNAME_FORMAT.matcher(error).matches())
                .toList();
    }
}
