package dev.ferry.provider.aws.data;

import dev.ferry.data.ConnectionUrl;
import dev.ferry.data.DataEndpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The source URL as the mover task reads it (with its password: it only ever goes into the temporary SSM
 * SecureString). A Heroku Postgres source gets sslmode=require written out, so that the task does not depend on
 * recognising Heroku's host names.
 */
final class SourceUrlText {

    private SourceUrlText() {
    }

    static String of(DataEndpoint source) {
        ConnectionUrl url = source.url();
        Map<String, String> params = new LinkedHashMap<>(url.params());
        if (url.isPostgres() && source.herokuHosted()) {
            params.putIfAbsent("sslmode", "require");
        }
        StringBuilder text = new StringBuilder(url.scheme()).append("://");
        if (url.user() != null || url.password() != null) {
            text.append(url.user() == null ? "" : encode(url.user()));
            if (url.password() != null) {
                text.append(':').append(encode(url.password()));
            }
            text.append('@');
        }
        text.append(url.host().contains(":") ? "[" + url.host() + "]" : url.host()).append(':').append(url.port());
        if (!url.path().isEmpty()) {
            text.append('/').append(encode(url.path()));
        }
        String query = String.join("&", params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).toList());
        return query.isEmpty() ? text.toString() : text + "?" + query;
    }

    /** Percent-encoding for a URL's user info, path and query (URLEncoder's + for a space is not a URL's). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
