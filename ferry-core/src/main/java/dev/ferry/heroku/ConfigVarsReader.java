package dev.ferry.heroku;

import dev.ferry.snapshot.ConfigVarClass;
import dev.ferry.snapshot.ConfigVarClassifier;
import dev.ferry.snapshot.ConfigVarFact;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an app's config vars and classifies each one the moment it is parsed, so that a secret value is dropped
 * at once: no tree of values is ever built. Add-on ownership is not known yet at this point; {@link #withOwnership}
 * applies it afterwards, on names only.
 */
final class ConfigVarsReader {

    private ConfigVarsReader() {
    }

    /** name → fact, sorted by name; values kept only for plain vars. */
    static Map<String, ConfigVarFact> read(byte[] body) throws IOException {
        Map<String, ConfigVarFact> facts = new TreeMap<>();
        ConfigVarsJson.forEach(body, (name, value) -> {
            ConfigVarClass classification = ConfigVarClassifier.classify(name, value, Set.of());
            facts.put(name, new ConfigVarFact(name, classification,
                    classification == ConfigVarClass.PLAIN ? value : null));
        });
        return facts;
    }

    /** The same facts with the add-on-owned names reclassified (their values, if any, dropped). */
    static Map<String, ConfigVarFact> withOwnership(Map<String, ConfigVarFact> facts, Set<String> addOnOwnedNames) {
        Map<String, ConfigVarFact> result = new TreeMap<>();
        facts.forEach((name, fact) -> {
            ConfigVarClass owned = ConfigVarClassifier.classify(name, null, addOnOwnedNames);
            result.put(name, owned == ConfigVarClass.ADDON_OWNED
                    ? new ConfigVarFact(name, ConfigVarClass.ADDON_OWNED, null) : fact);
        });
        return result;
    }
}
