package dev.ferry.heroku;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ferry.snapshot.ConfigVarClass;
import dev.ferry.snapshot.ConfigVarClassifier;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the secret config vars' values, for `ferry config import`: the one place ferry keeps a secret value from
 * Heroku, and only to hand it straight to a config store. Plain vars are dropped (they are inline in compose.yaml).
 */
final class SecretConfigVarsReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private SecretConfigVarsReader() {
    }

    static Map<String, String> read(byte[] body) throws IOException {
        Map<String, String> secrets = new TreeMap<>();
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("config vars are not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token.isStructStart()) {
                    parser.skipChildren();
                    continue;
                }
                String value = token == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                if (value != null && ConfigVarClassifier.classify(name, value, Set.of()) == ConfigVarClass.SECRET) {
                    secrets.put(name, value);
                }
            }
        }
        return secrets;
    }
}
