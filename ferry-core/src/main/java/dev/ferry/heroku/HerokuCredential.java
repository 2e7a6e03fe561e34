package dev.ferry.heroku;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Heroku API token and where it came from. Closing it undoes what obtaining it did: a temporary authorization
 * made through the heroku CLI is deleted. The token is only readable inside this package, and {@link #toString()}
 * names the source, never the value, so a credential can be logged or put in a message safely.
 */
public final class HerokuCredential implements AutoCloseable {

    /** What to do when the credential is closed; never throws. */
    @FunctionalInterface
    interface Release {
        void run();

        Release NOTHING = () -> { };
    }

    private static final String REDACTED = "<redacted>";

    private final String token;
    private final TokenSource source;
    private final Release release;
    private final AtomicBoolean closed = new AtomicBoolean();

    HerokuCredential(String token, TokenSource source, Release release) {
        this.token = Objects.requireNonNull(token, "token").trim();
        this.source = Objects.requireNonNull(source, "source");
        this.release = Objects.requireNonNull(release, "release");
        if (this.token.isEmpty()) {
            throw new IllegalArgumentException("an empty Heroku token from " + source);
        }
    }

    /** A credential for a token the caller already holds (e.g. read by the CLI); nothing to undo on close. */
    public static HerokuCredential of(String token, TokenSource source) {
        return new HerokuCredential(token, source, Release.NOTHING);
    }

    public TokenSource source() {
        return source;
    }

    /** The token, for the Authorization header; package-private so that it cannot leak through the public surface. */
    String token() {
        return token;
    }

    /** {@code text} with every occurrence of the token replaced: a last guard for anything that quotes a server. */
    String redact(String text) {
        return text == null ? null : text.replace(token, REDACTED);
    }

    /** Deletes a temporary authorization, once; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.run();
        }
    }

    @Override
    public String toString() {
        return "HerokuCredential[source=" + source + "]";
    }
}
