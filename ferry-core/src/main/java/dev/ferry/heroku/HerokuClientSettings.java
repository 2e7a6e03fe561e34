package dev.ferry.heroku;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient the Heroku client is.
 *
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for a response to one request
 * @param maxAttempts attempts per request, the first included, when Heroku answers 429 or 5xx or the connection
 *     breaks
 * @param backoffBase the wait before the first retry; it doubles with each retry (plus up to 50% random jitter)
 * @param backoffCap the longest wait between attempts, Retry-After included
 * @param userAgent the User-Agent header, e.g. ferry/0.1.0
 */
public record HerokuClientSettings(Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                                   Duration backoffBase, Duration backoffCap, String userAgent) {

    public HerokuClientSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffCap, "backoffCap");
        Objects.requireNonNull(userAgent, "userAgent");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** 10 s to connect, 30 s per request, 4 attempts, 500 ms first backoff, at most 20 s between attempts. */
    public static HerokuClientSettings defaults() {
        return new HerokuClientSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 4,
                Duration.ofMillis(500), Duration.ofSeconds(20), FerryUserAgent.value());
    }

    public HerokuClientSettings withRequestTimeout(Duration timeout) {
        return new HerokuClientSettings(connectTimeout, timeout, maxAttempts, backoffBase, backoffCap, userAgent);
    }

    public HerokuClientSettings withBackoffBase(Duration base) {
        return new HerokuClientSettings(connectTimeout, requestTimeout, maxAttempts, base, backoffCap, userAgent);
    }

    public HerokuClientSettings withMaxAttempts(int attempts) {
        return new HerokuClientSettings(connectTimeout, requestTimeout, attempts, backoffBase, backoffCap, userAgent);
    }

    public HerokuClientSettings withUserAgent(String agent) {
        return new HerokuClientSettings(connectTimeout, requestTimeout, maxAttempts, backoffBase, backoffCap, agent);
    }
}
