package dev.ferry.provider;

import java.util.Map;

/**
 * Makes one kind of provider. Providers that live in other modules (aws) register an implementation under
 * META-INF/services, so ferry-core needs no cloud SDK.
 */
public interface ProviderFactory {

    /** The name --provider takes. */
    String name();

    /** @param env the environment (credentials, region, engine selection, config directory) */
    Provider create(Map<String, String> env, ProviderSettings settings);
}
