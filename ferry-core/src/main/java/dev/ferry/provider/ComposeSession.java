package dev.ferry.provider;

import dev.ferry.compose.load.ComposeLoader;
import dev.ferry.compose.load.LoadOptions;
import dev.ferry.compose.load.LoadedCompose;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A compose file loaded for one provider: the names in the provider's config store wait for deploy time, and the
 * provider's supported keys drive the unsupported-key check. What every `ferry compose` command starts from.
 *
 * @param provider the chosen target
 * @param compose the loaded file
 */
public record ComposeSession(Provider provider, LoadedCompose compose) {

    /**
     * @param label how the user named the file, for messages
     * @param providerName --provider, null for local
     */
    public static ComposeSession open(Path file, String label, List<String> profiles, String providerName,
                                      Map<String, String> env) {
        return open(file, label, profiles, providerName, env, ProviderSettings.defaults());
    }

    /** @param settings the stack, mode and domain for a cloud provider (--stack, --mode, --domain) */
    public static ComposeSession open(Path file, String label, List<String> profiles, String providerName,
                                      Map<String, String> env, ProviderSettings settings) {
        Provider provider = Providers.create(providerName, env, settings);
        ConfigStore store = provider.configStore(file.toAbsolutePath().normalize().getParent());
        LoadedCompose compose = ComposeLoader.load(file, label,
                new LoadOptions(env, profiles, store.names(), provider.supportedServiceKeys()));
        return new ComposeSession(provider, compose);
    }
}
