package dev.ferry.provider;

import dev.ferry.FerryException;
import dev.ferry.provider.local.LocalProvider;
import java.util.List;
import java.util.Map;

/** The one place a provider name becomes a provider. */
public final class Providers {

    /** The names --provider accepts. */
    public static final List<String> NAMES = List.of("local");

    private Providers() {
    }

    /** @param env the environment (engine selection, config directory) */
    public static Provider create(String name, Map<String, String> env) {
        if (name == null || name.equals("local")) {
            return new LocalProvider(env);
        }
        throw FerryException.badInput("unknown provider \"" + name + "\"",
                "choose one of: " + String.join(", ", NAMES) + " (AWS, Kubernetes and Google Cloud are planned)");
    }
}
