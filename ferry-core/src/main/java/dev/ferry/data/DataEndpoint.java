package dev.ferry.data;

import java.util.Locale;

/**
 * One side of a move: a URL and whether it is a Heroku database. The Heroku flag decides TLS (see
 * {@link #herokuHosted}); it is never stored with the password.
 *
 * @param fromHeroku true when the URL was read from a Heroku app (DATABASE_URL, REDIS_URL) rather than typed
 */
public record DataEndpoint(ConnectionUrl url, boolean fromHeroku) {

    /**
     * The documented rule for "this is Heroku": the URL came from the Heroku API, or its host is one of Heroku's
     * database hosts — Heroku Postgres and Heroku Key-Value Store run on AWS, so their hosts end in
     * {@code .amazonaws.com} ({@code ec2-….compute-1.amazonaws.com}, {@code ….rds.amazonaws.com}).
     */
    public boolean herokuHosted() {
        return fromHeroku || url.host().toLowerCase(Locale.ROOT).endsWith(".amazonaws.com");
    }
}
