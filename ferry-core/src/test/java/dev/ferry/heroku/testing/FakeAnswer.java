package dev.ferry.heroku.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** What the fake sends back: a status, a JSON body (or raw bytes: a backup's download) and extra headers. */
record FakeAnswer(int status, String body, Map<String, String> headers, byte[] bytes) {

    FakeAnswer(int status, String body, Map<String, String> headers) {
        this(status, body, headers, null);
    }

    /** Raw bytes, e.g. a dump served as backup storage serves it. */
    static FakeAnswer binary(byte[] bytes) {
        return new FakeAnswer(200, "", Map.of("Content-Type", "application/octet-stream"), bytes);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static FakeAnswer json(int status, String body) {
        return new FakeAnswer(status, body, Map.of());
    }

    /** Heroku's error body, {"id": ..., "message": ...} (not in the schema, so not schema-checked). */
    static FakeAnswer error(int status, String id, String message) {
        ObjectNode error = JSON.createObjectNode().put("id", id).put("message", message);
        return json(status, error.toString());
    }

    FakeAnswer withHeader(String name, String value) {
        return new FakeAnswer(status, body, Map.of(name, value));
    }
}
