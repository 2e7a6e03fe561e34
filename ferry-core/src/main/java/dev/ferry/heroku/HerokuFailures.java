package dev.ferry.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.FerryException;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The one place that turns what went wrong talking to Heroku into one clear line and what to do about it. Messages
 * name the app and the request, never a header, and any text quoted from Heroku passes through the credential's
 * redaction first.
 */
final class HerokuFailures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HerokuFailures() {
    }

    /** What a request was for, so that a failure can say it. */
    record Subject(String appName, String method, String path) {
        String app() {
            return appName == null ? "your Heroku account" : "Heroku app \"" + appName + "\"";
        }

        String request() {
            return method + " " + path;
        }
    }

    /** An error response, after any retries. {@code attempts} is how many were made. */
    static FerryException forStatus(Subject subject, int status, byte[] body, int attempts,
                                    HerokuCredential credential) {
        HerokuError error = HerokuError.parse(body);
        String tries = attempts > 1 ? " (after " + attempts + " attempts)" : "";
        if (status == 401) {
            return FerryException.environment("Heroku rejected the API token from "
                            + credential.source().description() + " while reading " + subject.app(),
                    "run `heroku login`, or set HEROKU_API_KEY to a valid token");
        }
        if (status == 403 && "two_factor".equals(error.id())) {
            return FerryException.environment(subject.app() + " requires two-factor authentication",
                    "run `heroku login` (it asks for your second factor), then retry");
        }
        if (status == 403) {
            return FerryException.environment("Your Heroku account has no access to " + subject.app() + detail(error,
                    credential), "ask the app's owner to add you as a collaborator, or log in with `heroku login` "
                    + "as an account that has access");
        }
        if (status == 404 && subject.appName() != null) {
            return FerryException.badInput(subject.app() + " not found",
                    "check the name with `heroku apps`");
        }
        if (status == 429) {
            return FerryException.failed("Heroku's API rate limit was reached while reading " + subject.app() + tries,
                    "wait a minute and retry (Heroku allows about 4500 requests an hour)", null);
        }
        if (status >= 500) {
            return FerryException.failed("The Heroku API failed with HTTP " + status + " on " + subject.request()
                            + tries + detail(error, credential),
                    "retry later; see https://status.heroku.com", null);
        }
        return FerryException.failed("The Heroku API refused " + subject.request() + " with HTTP " + status
                        + detail(error, credential),
                "check HEROKU_API_URL, and that your account can read " + subject.app(), null);
    }

    /** The connection failed, timed out or broke, after any retries. */
    static FerryException forIo(Subject subject, String host, IOException cause, int attempts, Duration timeout) {
        if (cause instanceof HttpConnectTimeoutException) {
            // unreachable is the environment (exit 3), not a failure of the request
            return new FerryException(FerryException.Kind.ENVIRONMENT, "Could not connect to the Heroku API at " + host
                    + " in time (" + subject.request() + ")",
                    "check your network connection, proxy settings, or HEROKU_API_URL", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return FerryException.failed("The Heroku API did not answer within " + seconds(timeout) + " ("
                            + subject.request() + " for " + subject.app() + ")",
                    "check your network connection and retry; Heroku may be slow right now "
                            + "(https://status.heroku.com)", cause);
        }
        String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
        return new FerryException(FerryException.Kind.ENVIRONMENT, "Could not reach the Heroku API at " + host + tries
                + " (" + subject.request() + ": " + cause.getClass().getSimpleName() + ")",
                "check your network connection, proxy settings, or HEROKU_API_URL", cause);
    }

    private static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String detail(HerokuError error, HerokuCredential credential) {
        if (error.id().isEmpty() && error.message().isEmpty()) {
            return "";
        }
        String text = (error.id().isEmpty() ? "" : error.id() + ": ") + error.message();
        return " (" + credential.redact(text.strip()) + ")";
    }

    /** Heroku's error body, {"id": "not_found", "message": "..."}; empty fields when the body is something else. */
    record HerokuError(String id, String message) {
        static HerokuError parse(byte[] body) {
            try {
                JsonNode node = JSON.readTree(body);
                if (node != null && node.isObject()) {
                    return new HerokuError(node.path("id").asText(""), firstLine(node.path("message").asText("")));
                }
            } catch (IOException e) {
                // not JSON: nothing to quote
            }
            return new HerokuError("", "");
        }

        private static String firstLine(String text) {
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline);
        }
    }
}
