package dev.ferry.compose.load;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to load a compose file.
 *
 * @param environment the shell environment (wins over .env, as in Compose)
 * @param profiles the active profiles; empty means COMPOSE_PROFILES from the environment, if any
 * @param storeNames the names the target's config store holds: references to them wait for deploy time
 * @param supportedKeys the service keys the chosen provider understands; null skips the unsupported-key check
 */
public record LoadOptions(Map<String, String> environment, List<String> profiles, Set<String> storeNames,
                          Set<String> supportedKeys) {

    public LoadOptions {
        environment = Map.copyOf(environment);
        profiles = List.copyOf(profiles);
        storeNames = Set.copyOf(storeNames);
        supportedKeys = supportedKeys == null ? null : Set.copyOf(supportedKeys);
    }

    public static LoadOptions of(Map<String, String> environment) {
        return new LoadOptions(environment, List.of(), Set.of(), null);
    }
}
