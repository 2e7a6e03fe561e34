package dev.ferry.heroku;

import dev.ferry.FerryException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where the Heroku Platform API and the Heroku data API (Postgres, Redis details) live. Both can be pointed elsewhere
 * through the environment, which is how tests aim ferry at a local fake.
 *
 * @param api base URL of the Platform API, without a trailing slash
 * @param data base URL of the data API, without a trailing slash
 */
public record HerokuEndpoints(URI api, URI data) {

    public static final String API_URL_VARIABLE = "HEROKU_API_URL";
    public static final String DATA_API_URL_VARIABLE = "HEROKU_DATA_API_URL";
    public static final URI DEFAULT_API = URI.create("https://api.heroku.com");
    public static final URI DEFAULT_DATA_API = URI.create("https://api.data.heroku.com");

    public HerokuEndpoints {
        api = withoutTrailingSlash(Objects.requireNonNull(api, "api"));
        data = withoutTrailingSlash(Objects.requireNonNull(data, "data"));
    }

    /** The endpoints named by HEROKU_API_URL and HEROKU_DATA_API_URL in {@code environment}, or Heroku's own. */
    public static HerokuEndpoints fromEnvironment(Map<String, String> environment) {
        return new HerokuEndpoints(
                urlFrom(environment, API_URL_VARIABLE, DEFAULT_API),
                urlFrom(environment, DATA_API_URL_VARIABLE, DEFAULT_DATA_API));
    }

    /**
     * The ~/.netrc machine name that holds the API's credentials: host, plus ":port" when the URL names a port.
     * This is how the heroku CLI writes it (machine api.heroku.com, or machine 127.0.0.1:5000 for a local server).
     */
    public String netrcMachine() {
        return api.getPort() == -1 ? api.getHost() : api.getHost() + ":" + api.getPort();
    }

    private static URI urlFrom(Map<String, String> environment, String variable, URI fallback) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw FerryException.badInput(variable + " is not an http(s) URL: " + value,
                    "set it to a URL such as " + fallback + ", or unset it");
        }
        return uri;
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
