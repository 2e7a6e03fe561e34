package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The secret values in the tutorial app's config-var fixture: none of them may show up in anything ferry writes. */
final class SecretFixtures {

    private SecretFixtures() {
    }

    static List<String> values() {
        try (InputStream in = SecretFixtures.class.getResourceAsStream(
                "/heroku-api/vast-badlands-production/config-vars.json")) {
            JsonNode vars = new ObjectMapper().readTree(in);
            List<String> secrets = new ArrayList<>();
            secrets.add(vars.get("SECRET_KEY_BASE").asText());
            URI database = URI.create(vars.get("DATABASE_URL").asText());
            secrets.add(database.toString());
            secrets.add(database.getUserInfo().split(":")[1]); // the password alone
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
