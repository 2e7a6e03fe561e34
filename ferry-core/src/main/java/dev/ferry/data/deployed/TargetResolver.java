package dev.ferry.data.deployed;

import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.provider.ConfigStore;

/**
 * Finds the database a deployed compose project runs, for {@code ferry data migrate --to PROVIDER}: the service of the
 * wanted kind, and a URL this machine can reach it at, with the password from the provider's config store. One
 * implementation per provider ({@link TargetResolvers}); the local one reads the published port, an AWS one will read
 * the RDS / ElastiCache endpoints from the stack's outputs.
 */
public interface TargetResolver {

    /** The provider name --to takes, e.g. {@code local}. */
    String provider();

    /**
     * @param service the service to use (--to-service), or null to pick the only one of {@code kind}
     * @throws dev.ferry.FerryException BAD_INPUT (one line, naming the compose file's line) when there is no such
     *     service, more than one, or it cannot be reached from this machine as written
     */
    ResolvedTarget resolve(LoadedCompose compose, ConfigStore store, DataKind kind, String service);
}
