package dev.ferry.provider.aws.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/** Reading JSON-protocol request bodies and writing answers, for the ops fakes. */
final class OpsJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private OpsJson() {
    }

    static JsonNode read(FakeAws.Request request) {
        try {
            return MAPPER.readTree(request.body().isEmpty() ? "{}" : request.body());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FakeAws.Response answer(Object body) {
        try {
            return FakeAws.Response.json(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
