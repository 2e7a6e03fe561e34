package dev.ferry.heroku;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/** How long to wait before the next attempt: exponential with jitter, or what the server asked for. */
final class Backoff {

    private final Duration base;
    private final Duration cap;
    /** null: ThreadLocalRandom of the calling thread (retries are scheduled from many threads). */
    private final RandomGenerator random;

    Backoff(Duration base, Duration cap) {
        this(base, cap, null);
    }

    Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /**
     * The wait before attempt {@code attempt + 1}, after {@code attempt} failures (1-based): base × 2^(attempt-1)
     * plus up to 50% jitter, so that many clients do not retry in step; a server's Retry-After wins when given.
     * Both are capped.
     */
    Duration delay(int attempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return min(retryAfter.get(), cap);
        }
        long exponential = base.toMillis() << Math.min(attempt - 1, 20);
        RandomGenerator source = random != null ? random : ThreadLocalRandom.current();
        long jitter = exponential <= 0 ? 0 : source.nextLong(exponential / 2 + 1);
        return min(Duration.ofMillis(exponential + jitter), cap);
    }

    /** Retry-After as seconds or as an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> parseRetryAfter(Optional<String> header, ZonedDateTime now) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(now, when);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
