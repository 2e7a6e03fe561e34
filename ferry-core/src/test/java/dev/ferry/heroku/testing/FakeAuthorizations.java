package dev.ferry.heroku.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The fake's tokens and OAuth authorizations: what `heroku authorizations:create` (POST /oauth/authorizations) and
 * `heroku authorizations:revoke` (DELETE /oauth/authorizations/{id}) do to the set of tokens the fake accepts.
 */
final class FakeAuthorizations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_ID = "5b2a9b2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b";

    private final String primaryToken = newToken();
    private final Set<String> valid = ConcurrentHashMap.newKeySet();
    private final Map<String, String> tokensById = new ConcurrentHashMap<>();
    private final List<String> created = new CopyOnWriteArrayList<>();
    private final List<String> deleted = new CopyOnWriteArrayList<>();

    FakeAuthorizations() {
        valid.add(primaryToken);
    }

    String primaryToken() {
        return primaryToken;
    }

    boolean accepts(String token) {
        return valid.contains(token);
    }

    List<String> created() {
        return List.copyOf(created);
    }

    List<String> deleted() {
        return List.copyOf(deleted);
    }

    /** A new authorization with a new token, valid until deleted; its body is checked against the schema. */
    FakeAnswer create(Consumer<String> violations) {
        String id = UUID.randomUUID().toString();
        String token = newToken();
        ObjectNode body = body(id);
        body.putObject("access_token").put("expires_in", 300).put("id", UUID.randomUUID().toString())
                .put("token", token);
        FixtureValidation.errors("oauth-authorization", body).forEach(error -> violations.accept(
                "POST /oauth/authorizations: the answer does not match the schema: " + error));
        tokensById.put(id, token);
        valid.add(token);
        created.add(id);
        return FakeAnswer.json(201, body.toString());
    }

    /** Deletes an authorization: its token stops working. */
    FakeAnswer delete(String id) {
        String token = tokensById.remove(id);
        if (token == null) {
            return FakeAnswer.error(404, "not_found", "Couldn't find that authorization.");
        }
        valid.remove(token);
        deleted.add(id);
        ObjectNode body = body(id);
        body.putNull("access_token");
        return FakeAnswer.json(200, body.toString());
    }

    private static ObjectNode body(String id) {
        String now = Instant.now().toString();
        ObjectNode body = JSON.createObjectNode();
        body.putNull("client");
        body.put("created_at", now);
        body.put("description", "ferry (temporary)");
        body.putNull("grant");
        body.put("id", id);
        body.putNull("refresh_token");
        body.putArray("scope").add("global");
        body.putNull("session");
        body.put("updated_at", now);
        body.putObject("user").put("id", USER_ID).put("email", "dev@example.com").put("full_name", "Fake Developer");
        return body;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "HRKU-" + HexFormat.of().formatHex(bytes);
    }
}
