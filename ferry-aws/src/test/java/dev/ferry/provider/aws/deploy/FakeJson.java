package dev.ferry.provider.aws.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.provider.aws.testing.FakeAws.Request;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON body of a request to a JSON-protocol service. */
final class FakeJson {

    private FakeJson() {
    }

    static JsonNode parse(Request request) {
        try {
            return new ObjectMapper().readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
