package dev.ferry.data;

import dev.ferry.FerryException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A database URL as Heroku writes them ({@code postgres://user:pass@host:5432/db?sslmode=require},
 * {@code rediss://:pass@host:6380}). The password stays inside: {@link #toString} and {@link #redacted} never show it,
 * and {@link #scrub} removes it from text that a driver or a child program wrote.
 *
 * @param scheme lower-case scheme: postgres, postgresql, redis or rediss
 * @param path the database name for Postgres, the database number for Redis; empty when absent
 */
public record ConnectionUrl(String scheme, String user, String password, String host, int port, String path,
                            Map<String, String> params) {

    /** libpq's variable for the password of a postgres URL that carries none. */
    public static final String PASSWORD_ENV = "PGPASSWORD";

    private static final Set<String> SCHEMES = Set.of("postgres", "postgresql", "redis", "rediss");

    public ConnectionUrl {
        params = Map.copyOf(params);
    }

    /**
     * Parses {@code text}; a bad URL is a one-line bad-input error naming {@code option} and never echoing the text
     * (it may hold a password).
     */
    public static ConnectionUrl parse(String text, String option) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw FerryException.badInput(option + ": not a valid URL (" + e.getReason() + ")",
                    "write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE or redis://:PASSWORD@HOST:PORT");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme) || uri.getHost() == null) {
            throw FerryException.badInput(option + ": expected a postgres://, redis:// or rediss:// URL with a host",
                    "write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE or redis://:PASSWORD@HOST:PORT");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
            user = user.isEmpty() ? null : user;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.startsWith("redis") ? 6379 : 5432;
        String path = uri.getRawPath() == null ? "" : decode(uri.getRawPath().replaceFirst("^/", ""));
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return new ConnectionUrl(scheme, user, password, host(uri.getHost()), port, path, params);
    }

    /**
     * libpq's rule, so that ferry connects as psql would: a postgres URL without a password takes {@code PGPASSWORD}'s
     * value from {@code env}. The data mover's task gets RDS's password this way, apart from the URL. Redis URLs and
     * URLs with a password (even an empty one) are returned as they are.
     */
    public ConnectionUrl withPasswordFrom(Map<String, String> env) {
        String fromEnv = env.get(PASSWORD_ENV);
        if (!isPostgres() || password != null || fromEnv == null || fromEnv.isEmpty()) {
            return this;
        }
        return new ConnectionUrl(scheme, user, fromEnv, host, port, path, params);
    }

    public boolean isPostgres() {
        return scheme.startsWith("postgres");
    }

    public boolean isRedis() {
        return scheme.startsWith("redis");
    }

    /** The URL without its password, fit for a log line, an event or a state file. */
    public String redacted() {
        String who = user == null ? "" : user + (password == null ? "" : ":***") + "@";
        if (user == null && password != null) {
            who = ":***@";
        }
        return scheme + "://" + who + hostForUrl() + ":" + port + (path.isEmpty() ? "" : "/" + path);
    }

    /** host:port/path, for messages that name the place and nothing else. */
    public String place() {
        return hostForUrl() + ":" + port + (path.isEmpty() ? "" : "/" + path);
    }

    /** Removes the password from {@code text} (a driver's or a child program's message). */
    public String scrub(String text) {
        if (text == null || password == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, "***");
    }

    public boolean isLoopback() {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    @Override
    public String toString() {
        return redacted();
    }

    private String hostForUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String host(String raw) {
        return raw.startsWith("[") && raw.endsWith("]") ? raw.substring(1, raw.length() - 1) : raw;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
