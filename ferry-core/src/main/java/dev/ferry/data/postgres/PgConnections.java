package dev.ferry.data.postgres;

import dev.ferry.FerryException;
import dev.ferry.data.ConnectionUrl;
import dev.ferry.data.DataEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * How ferry reaches a Postgres endpoint, in one place: the TLS rule, the JDBC connection (catalog reads and
 * checksums) and the environment of pg_dump and pg_restore. The password travels in the JDBC properties and in the
 * child's PGPASSWORD, never on a command line; every driver message is scrubbed of it.
 */
final class PgConnections {

    private PgConnections() {
    }

    /**
     * The TLS rule: an explicit {@code sslmode} in the URL wins; otherwise {@code require} toward Heroku (see
     * {@link DataEndpoint#herokuHosted}); otherwise libpq's own default, {@code prefer}. Heroku's certificates do not
     * chain to a public root, so {@code require} (encrypted, not verified) is what Heroku documents.
     */
    static String sslMode(DataEndpoint endpoint) {
        String explicit = endpoint.url().params().get("sslmode");
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        return endpoint.herokuHosted() ? "require" : "prefer";
    }

    static Connection open(DataEndpoint endpoint, String role) {
        ConnectionUrl url = endpoint.url();
        Properties props = new Properties();
        if (url.user() != null) {
            props.setProperty("user", url.user());
        }
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        props.setProperty("sslmode", sslMode(endpoint));
        props.setProperty("ApplicationName", "ferry");
        props.setProperty("connectTimeout", "15");
        String jdbc = "jdbc:postgresql://" + (url.host().contains(":") ? "[" + url.host() + "]" : url.host()) + ":"
                + url.port() + "/" + url.path();
        try {
            Connection connection = DriverManager.getConnection(jdbc, props);
            try (Statement session = connection.createStatement()) {
                // the same text for the same value on both servers: the checksums hash rows as text
                session.execute("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres';"
                        + " SET extra_float_digits = 1; SET bytea_output = 'hex'");
            }
            return connection;
        } catch (SQLException e) {
            String problem = "could not connect to the " + role + " database " + url.place() + ": "
                    + url.scrub(e.getMessage());
            if (unreachable(e)) {
                // nothing answered: the environment is not ready (server down, wrong host or port, no network)
                throw FerryException.environment(problem, "check that the " + role + " server is running and"
                        + " reachable from this machine (host, port, firewall)");
            }
            throw FerryException.failed(problem,
                    "check the " + role + " URL (user, password, host, port, database) and that the server is reachable",
                    null);
        }
    }

    /** Whether the driver found no server at all (refused, unknown host, timed out), as opposed to a refusal by one. */
    static boolean unreachable(SQLException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.SocketTimeoutException || cause instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    /** A failed query, scrubbed of the password. */
    static FerryException queryFailed(DataEndpoint endpoint, String role, String what, SQLException e) {
        return FerryException.failed("could not " + what + " on the " + role + " database " + endpoint.url().place()
                + ": " + endpoint.url().scrub(e.getMessage()), "run again with --debug for details", null);
    }

    /** The whole environment of pg_dump or pg_restore: libpq's variables and nothing from the parent but PATH. */
    static Map<String, String> childEnvironment(DataEndpoint endpoint) {
        ConnectionUrl url = endpoint.url();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LC_ALL", "C");
        env.put("PGHOST", url.host());
        env.put("PGPORT", Integer.toString(url.port()));
        env.put("PGDATABASE", url.path());
        if (url.user() != null) {
            env.put("PGUSER", url.user());
        }
        if (url.password() != null) {
            env.put("PGPASSWORD", url.password());
        }
        env.put("PGSSLMODE", sslMode(endpoint));
        env.put("PGAPPNAME", "ferry");
        env.put("PGCONNECT_TIMEOUT", "15");
        return env;
    }
}
