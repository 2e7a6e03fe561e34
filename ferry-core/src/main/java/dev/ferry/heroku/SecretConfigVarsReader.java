package dev.ferry.heroku;

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

    private SecretConfigVarsReader() {
    }

    static Map<String, String> read(byte[] body) throws IOException {
        Map<String, String> secrets = new TreeMap<>();
        ConfigVarsJson.forEach(body, (name, value) -> {
            if (value != null && ConfigVarClassifier.classify(name, value, Set.of()) == ConfigVarClass.SECRET) {
                secrets.put(name, value);
            }
        });
        return secrets;
    }
}
