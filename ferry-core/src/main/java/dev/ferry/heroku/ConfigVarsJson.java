package dev.ferry.heroku;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.function.BiConsumer;

/**
 * The one streaming walk over a config-vars body ({"NAME": "value", ...}). Each var is handed to a visitor the moment
 * it is parsed and nothing is kept here, so each reader decides alone which values (if any) it holds on to.
 */
final class ConfigVarsJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ConfigVarsJson() {
    }

    /** Calls {@code visitor} with each var's name and value; the value is null for a JSON null or a nested structure. */
    static void forEach(byte[] body, BiConsumer<String, String> visitor) throws IOException {
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("config vars are not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                String value = null;
                if (token.isStructStart()) {
                    parser.skipChildren();
                } else if (token != JsonToken.VALUE_NULL) {
                    value = parser.getValueAsString();
                }
                visitor.accept(name, value);
            }
        }
    }
}
