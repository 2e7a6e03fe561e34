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
     * The documented rule for "this is Heroku": the URL came from the Heroku API, or its host has the shape of
     * Heroku's database hosts. Heroku Postgres and Heroku Key-Value Store run on AWS: EC2 public names
     * ({@code ec2-….compute-1.amazonaws.com}, {@code ….REGION.compute.amazonaws.com}) and Aurora cluster endpoints
     * ({@code ….cluster-….rds.amazonaws.com}). An RDS instance or ElastiCache endpoint ({@code ….rds.amazonaws.com},
     * {@code ….cache.amazonaws.com}) is what ferry's aws provider creates, so it is the user's own, not Heroku's.
     */
    public boolean herokuHosted() {
        if (fromHeroku) {
            return true;
        }
        String host = url.host().toLowerCase(Locale.ROOT);
        return host.endsWith(".compute-1.amazonaws.com") || host.endsWith(".compute.amazonaws.com")
                || host.endsWith(".rds.amazonaws.com") && host.contains(".cluster-");
    }
}
