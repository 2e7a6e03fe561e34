package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.compose.load.ComposeLoader;
import dev.ferry.compose.load.LoadOptions;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.data.ConnectionUrl;
import dev.ferry.data.DataEndpoint;
import dev.ferry.data.deployed.DataKind;
import dev.ferry.data.deployed.Listening;
import dev.ferry.data.deployed.ResolvedTarget;
import dev.ferry.data.deployed.TargetResolvers;
import dev.ferry.provider.ConfigStore;
import dev.ferry.provider.Providers;
import java.nio.file.Path;
import java.util.List;

/**
 * The target of `ferry data migrate`: --to-url URL (or env:NAME), or --to PROVIDER, the database service of the
 * compose project that provider runs (see {@link dev.ferry.data.deployed.LocalTargetResolver}).
 */
final class DataTargets {

    private DataTargets() {
    }

    /** --to-url's text, with env:NAME read from the environment (the password stays out of `ps`). */
    static String urlText(CliContext context, String value, String option) {
        if (!value.startsWith("env:")) {
            return value;
        }
        String name = value.substring(4);
        String url = context.env().get(name);
        if (url == null || url.isBlank()) {
            throw FerryException.badInput(option + " env:" + name + ": the environment variable " + name
                    + " is not set", "export " + name + "=postgres://… (or redis://…) first");
        }
        return url;
    }

    /** --to-url's endpoint; a postgres URL without a password takes PGPASSWORD's (libpq's rule). */
    static DataEndpoint fromUrl(CliContext context, String toUrl) {
        return new DataEndpoint(ConnectionUrl.parse(urlText(context, toUrl, "--to-url"), "--to-url")
                .withPasswordFrom(context.env()), false);
    }

    /** The compose project --to names, its ${NAME}s checked against the provider's config store. */
    static LoadedCompose compose(CliContext context, Path composeFile, ConfigStore store) {
        return ComposeLoader.load(context.resolve(composeFile), composeFile.toString(),
                new LoadOptions(context.env(), List.of(), store.names(), null));
    }

    /** The database of {@code kind} in the compose project deployed by {@code provider}. */
    static DataEndpoint fromProvider(CliContext context, String provider, String service, Path composeFile,
                                     DataKind kind, ConsoleEvents events) {
        var resolver = TargetResolvers.forProvider(provider);
        ConfigStore store = Providers.create(provider, context.env())
                .configStore(context.resolve(composeFile).getParent());
        LoadedCompose compose = compose(context, composeFile, store);
        ResolvedTarget target = resolver.resolve(compose, store, kind, service);
        Listening.require(target, provider);
        events.step("Target: " + target.endpoint().url().redacted() + ", the " + provider + " deployment's "
                + target.how() + ", password from " + store.description());
        return target.endpoint();
    }
}
