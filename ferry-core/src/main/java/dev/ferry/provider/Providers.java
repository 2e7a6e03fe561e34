package dev.ferry.provider;

import dev.ferry.FerryException;
import dev.ferry.provider.local.LocalProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The one place a provider name becomes a provider: {@code local} here, the others found through ServiceLoader. */
public final class Providers {

    private Providers() {
    }

    /** The names --provider accepts, local first. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of("local"));
        ServiceLoader.load(ProviderFactory.class).forEach(f -> names.add(f.name()));
        return names;
    }

    /** @param env the environment (engine selection, config directory, credentials) */
    public static Provider create(String name, Map<String, String> env) {
        return create(name, env, ProviderSettings.defaults());
    }

    public static Provider create(String name, Map<String, String> env, ProviderSettings settings) {
        if (name == null || name.equals("local")) {
            return new LocalProvider(env);
        }
        for (ProviderFactory factory : ServiceLoader.load(ProviderFactory.class)) {
            if (factory.name().equals(name)) {
                return factory.create(env, settings);
            }
        }
        throw FerryException.badInput("unknown provider \"" + name + "\"",
                "choose one of: " + String.join(", ", names()) + " (Kubernetes and Google Cloud are planned)");
    }
}
