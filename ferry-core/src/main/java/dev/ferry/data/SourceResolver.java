package dev.ferry.data;

import java.util.Map;

/**
 * Finds the source database of a move. {@code --from-url} gives it directly ({@link #ofUrl}); {@code --from heroku}
 * reads an attachment's URL live from the Platform API ({@code dev.ferry.data.heroku.HerokuSourceResolver}: a
 * subpackage, so that this package does not depend on the Heroku client).
 */
@FunctionalInterface
public interface SourceResolver {

    DataEndpoint resolve();

    /** The URL the user typed; Heroku-hosted by the host rule of {@link DataEndpoint#herokuHosted}. */
    static SourceResolver ofUrl(String url, String option) {
        ConnectionUrl parsed = ConnectionUrl.parse(url, option);
        return () -> new DataEndpoint(parsed, false);
    }

    /** {@link #ofUrl(String, String)} with libpq's PGPASSWORD rule ({@link ConnectionUrl#withPasswordFrom}). */
    static SourceResolver ofUrl(String url, String option, Map<String, String> env) {
        ConnectionUrl parsed = ConnectionUrl.parse(url, option).withPasswordFrom(env);
        return () -> new DataEndpoint(parsed, false);
    }
}
