package dev.ferry.provider;

import dev.ferry.FerryException;
import dev.ferry.compose.load.ComposeLoader;
import dev.ferry.compose.load.LoadOptions;
import dev.ferry.compose.load.LoadedCompose;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        return open(file, label, profiles, providerName, env, settings, false);
    }

    /**
     * @param offline the command needs no account (compose config): when the target's config store cannot be
     *     reached (no region, no credentials, no network), the file is loaded as if the store were empty
     */
    public static ComposeSession open(Path file, String label, List<String> profiles, String providerName,
                                      Map<String, String> env, ProviderSettings settings, boolean offline) {
        Provider provider = Providers.create(providerName, env, settings);
        Set<String> stored;
        try {
            stored = provider.configStore(file.toAbsolutePath().normalize().getParent()).names();
        } catch (FerryException e) {
            if (!offline || e.kind() != FerryException.Kind.ENVIRONMENT) {
                throw e;
            }
            stored = Set.of();
        }
        LoadedCompose compose = ComposeLoader.load(file, label,
                new LoadOptions(env, profiles, stored, provider.supportedServiceKeys()));
        return new ComposeSession(provider, compose);
    }
}
