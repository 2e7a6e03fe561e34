package dev.ferry.heroku.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something for {@link FakeHerokuApi} to do wrong with one request: an error status with Heroku's error body, a
 * dropped connection, or a slow answer. {@link #onPath} limits it to requests whose path matches.
 */
public final class Fault {

    enum Kind { STATUS, RESET, SLOW }

    final Kind kind;
    final int status;
    final String errorId;
    final String message;
    final Duration duration;
    final Pattern path;

    private Fault(Kind kind, int status, String errorId, String message, Duration duration, Pattern path) {
        this.kind = kind;
        this.status = status;
        this.errorId = errorId;
        this.message = message;
        this.duration = duration;
        this.path = path;
    }

    private static Fault status(int status, String id, String message) {
        return new Fault(Kind.STATUS, status, id, message, null, null);
    }

    /** 429 with Heroku's rate_limit error and no Retry-After. */
    public static Fault rateLimited() {
        return status(429, "rate_limit", "Your account reached the API rate limit\nPlease wait a few minutes.");
    }

    /** 429 with a Retry-After header of {@code retryAfter} (whole seconds). */
    public static Fault rateLimited(Duration retryAfter) {
        return new Fault(Kind.STATUS, 429, "rate_limit", "Your account reached the API rate limit", retryAfter, null);
    }

    public static Fault serverError() {
        return status(500, "internal_server_error", "Internal server error.");
    }

    public static Fault serviceUnavailable() {
        return status(503, "unavailable", "The service is temporarily unavailable.");
    }

    public static Fault unauthorized() {
        return status(401, "unauthorized", "Invalid credentials provided.");
    }

    public static Fault forbidden() {
        return status(403, "forbidden", "You do not have access to the app.");
    }

    public static Fault twoFactor() {
        return status(403, "two_factor", "This request requires two factor authentication.");
    }

    public static Fault notFound() {
        return status(404, "not_found", "Couldn't find that app.");
    }

    /** The connection is dropped before any response is sent. */
    public static Fault connectionReset() {
        return new Fault(Kind.RESET, 0, null, null, null, null);
    }

    /** The answer comes after {@code delay} (and then normally). */
    public static Fault slow(Duration delay) {
        return new Fault(Kind.SLOW, 0, null, null, Objects.requireNonNull(delay), null);
    }

    /** The same fault, only for requests whose path matches {@code regex} (anywhere in the path). */
    public Fault onPath(String regex) {
        return new Fault(kind, status, errorId, message, duration, Pattern.compile(regex));
    }

    boolean appliesTo(String requestPath) {
        return path == null || path.matcher(requestPath).find();
    }

    @Override
    public String toString() {
        return kind == Kind.STATUS ? status + " " + errorId : kind.name().toLowerCase();
    }
}
