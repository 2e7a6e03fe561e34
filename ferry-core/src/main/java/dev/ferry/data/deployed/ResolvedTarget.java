package dev.ferry.data.deployed;

import dev.ferry.data.DataEndpoint;

/**
 * A target found in a deployed project.
 *
 * @param service the compose service it came from
 * @param endpoint the URL to copy into (its password from the config store: never print it, use redacted())
 * @param how in words, for the log: "published port 127.0.0.1:5432 of service postgres (compose.yaml:7)"
 */
public record ResolvedTarget(String service, DataEndpoint endpoint, String how) {}
