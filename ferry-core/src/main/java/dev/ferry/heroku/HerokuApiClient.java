package dev.ferry.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.FerryException;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The Heroku Platform API (and data API) over {@link HttpClient}: version 3 media type, a User-Agent, a fresh
 * Request-Id per request, Range pagination on lists, bounded retries with exponential backoff on 429, 5xx and broken
 * connections, time-outs, and failures turned into one clear {@link FerryException}. Requests are asynchronous so
 * that independent ones run at the same time; the blocking methods are for callers that need one answer.
 *
 * <p>The token goes into the Authorization header and nowhere else: not into messages, events or exceptions.
 */
public final class HerokuApiClient {

    public static final String ACCEPT = "application/vnd.heroku+json; version=3";
    /** The largest page Heroku serves. */
    static final int MAX_PAGE = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a response body; the client wipes the bytes afterwards. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(byte[] body) throws IOException;
    }

    private final HerokuEndpoints endpoints;
    private final HerokuCredential credential;
    private final HerokuClientSettings settings;
    private final EventSink events;
    private final HttpClient http;
    private final Backoff backoff;

    private HerokuApiClient(HerokuEndpoints endpoints, HerokuCredential credential, HerokuClientSettings settings,
                            EventSink events) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.credential = Objects.requireNonNull(credential, "credential");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = SerializedSink.of(events);
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // honours -Dhttps.proxyHost and friends; without them, a direct connection
                .proxy(ProxySelector.getDefault())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffCap());
    }

    /**
     * @param events where retries are reported (as details); never a header or a body
     */
    public static HerokuApiClient create(HerokuEndpoints endpoints, HerokuCredential credential,
                                         HerokuClientSettings settings, EventSink events) {
        return new HerokuApiClient(endpoints, credential, settings, events);
    }

    /** The names of every app the account can see, sorted, for the interactive picker. */
    public List<String> listApps() {
        List<JsonNode> apps = await(list(null, "/apps", "name"));
        return apps.stream().map(app -> app.path("name").asText()).filter(name -> !name.isEmpty())
                .sorted().distinct().toList();
    }

    /**
     * The app's secret config vars (by the one secret rule), name → value, to copy straight into a config store.
     * The vars of the app's add-ons (DATABASE_URL, REDIS_URL, …) are left out: compose.yaml rewires them to the
     * target's own services. The caller must not print, log or store the values anywhere but the config store.
     */
    public Map<String, String> secretConfigVars(String appName) {
        String base = "/apps/" + java.net.URLEncoder.encode(appName, java.nio.charset.StandardCharsets.UTF_8);
        CompletableFuture<List<JsonNode>> addOns = list(appName, base + "/addons");
        CompletableFuture<Map<String, String>> secrets = object(appName, base + "/config-vars", SecretConfigVarsReader::read);
        Set<String> owned = new java.util.HashSet<>();
        await(addOns).forEach(addOn -> addOn.path("config_vars").forEach(name -> owned.add(name.asText())));
        Map<String, String> result = new java.util.TreeMap<>(await(secrets));
        result.keySet().removeAll(owned);
        return result;
    }

    /**
     * One config var's value, read live (e.g. DATABASE_URL for `ferry data migrate`); every other value is skipped
     * while the answer is parsed. The caller uses it in memory once and never prints, logs or stores it.
     *
     * @return empty when the app has no var of that name
     */
    public Optional<String> configVar(String appName, String name) {
        return await(object(appName, configVarsPath(appName), ConfigVarPicker.value(name)));
    }

    /** The names (never the values) of the app's config vars that hold a postgres://, redis:// or rediss:// URL. */
    public List<String> databaseUrlVarNames(String appName) {
        return await(object(appName, configVarsPath(appName), ConfigVarPicker::databaseUrlNames));
    }

    /**
     * One Platform API object, e.g. {@code /apps/my-app} (a 404 is the app not found). For callers outside this
     * package that need a single answer; the snapshot collector uses the asynchronous surface.
     */
    public JsonNode get(String appName, String path) {
        return await(object(appName, path));
    }

    /** Every item of a Platform API list (Range pagination followed), e.g. {@code /apps/my-app/formation}. */
    public List<JsonNode> getList(String appName, String path) {
        return await(list(appName, path));
    }

    /**
     * PATCH on the Platform API (maintenance mode, a formation batch update). Retried like a read: setting the same
     * state twice is harmless.
     */
    public JsonNode patch(String appName, String path, JsonNode body) {
        return await(write(new Request(endpoints.api(), path, null, appName, "PATCH", body)));
    }

    /** GET on the data API (postgres-api / api.data.heroku.com), e.g. a backup transfer's progress. */
    public JsonNode dataGet(String appName, String path) {
        return await(write(new Request(endpoints.data(), path, null, appName, "GET", null)));
    }

    /**
     * POST on the data API (capture a backup, ask for a backup's public URL). Never retried: a request that reached
     * Heroku before the connection broke would capture a second backup.
     */
    public JsonNode dataPost(String appName, String path, JsonNode body) {
        return await(write(new Request(endpoints.data(), path, null, appName, "POST", body)));
    }

    /** Encodes an app or add-on name for a path segment. */
    public static String segment(String name) {
        return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
    }

    private CompletableFuture<JsonNode> write(Request request) {
        return exchange(request).thenApply(outcome -> {
            if (outcome.status() != 200 && outcome.status() != 201 && outcome.status() != 202) {
                throw outcome.failure();
            }
            return outcome.read(JSON::readTree);
        });
    }

    private static String configVarsPath(String appName) {
        return "/apps/" + java.net.URLEncoder.encode(appName, java.nio.charset.StandardCharsets.UTF_8) + "/config-vars";
    }

    // ---- the asynchronous surface used by the snapshot collector ----

    /** One Platform API object; a 404 means the app was not found. */
    CompletableFuture<JsonNode> object(String appName, String path) {
        return object(appName, path, JSON::readTree);
    }

    /** One Platform API object read by {@code reader}, e.g. config vars classified as they are parsed. */
    <T> CompletableFuture<T> object(String appName, String path, BodyReader<T> reader) {
        Request request = new Request(endpoints.api(), path, null, appName);
        return exchange(request).thenApply(outcome -> {
            if (outcome.status() != 200) {
                throw outcome.failure();
            }
            return outcome.read(reader);
        });
    }

    /** One object, or empty when Heroku answers 404 (something the app refers to is gone, e.g. an old slug). */
    CompletableFuture<Optional<JsonNode>> objectIfPresent(String appName, String path) {
        return ifPresent(new Request(endpoints.api(), path, null, appName), Set.of(404));
    }

    /** One object, or empty when Heroku answers 404 or 403 (e.g. an add-on owned by an app this account cannot see). */
    CompletableFuture<Optional<JsonNode>> objectIfReadable(String appName, String path) {
        return ifPresent(new Request(endpoints.api(), path, null, appName), Set.of(403, 404));
    }

    /** One object from the data API (Postgres, Redis details); empty on 404 (e.g. not provisioned yet). */
    CompletableFuture<Optional<JsonNode>> dataObject(String appName, String path) {
        return ifPresent(new Request(endpoints.data(), path, null, appName), Set.of(404));
    }

    /** Every item of a list, following Heroku's pagination (206 Partial Content + Next-Range) to the end. */
    CompletableFuture<List<JsonNode>> list(String appName, String path, String rangeField) {
        return page(appName, path, rangeField + " ..; max=" + MAX_PAGE, new ArrayList<>());
    }

    CompletableFuture<List<JsonNode>> list(String appName, String path) {
        return list(appName, path, "id");
    }

    /**
     * The first {@code count} items sorted by {@code field}, newest first: one page, on purpose not followed
     * (an app's full release history can run to thousands).
     */
    CompletableFuture<List<JsonNode>> newest(String appName, String path, String field, int count) {
        Request request = new Request(endpoints.api(), path, field + " ..; order=desc, max=" + count, appName);
        return exchange(request).thenApply(outcome -> {
            if (outcome.status() != 200 && outcome.status() != 206) {
                throw outcome.failure();
            }
            return items(outcome.read(JSON::readTree), request);
        });
    }

    /** Waits for a result; a failure comes out as the {@link FerryException} it is. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FerryException.failed("Interrupted while reading from the Heroku API", null, e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime
                : FerryException.failed("Unexpected failure reading from the Heroku API: "
                        + cause.getClass().getSimpleName(), null, cause);
    }

    // ---- requests, retries, pages ----

    /** One request to make, possibly several times. */
    private record Request(URI base, String path, String range, String appName, String method, JsonNode body) {
        Request(URI base, String path, String range, String appName) {
            this(base, path, range, appName, "GET", null);
        }

        HerokuFailures.Subject subject() {
            return new HerokuFailures.Subject(appName, method, path);
        }

        /** Whether a failed attempt may be repeated: not for POST, which creates something each time. */
        boolean retriesAnswers() {
            return !method.equals("POST");
        }
    }

    /** The final answer to a request, after retries. */
    private final class Outcome {
        private final Request request;
        private final HttpResponse<byte[]> response;
        private final int attempts;

        Outcome(Request request, HttpResponse<byte[]> response, int attempts) {
            this.request = request;
            this.response = response;
            this.attempts = attempts;
        }

        int status() {
            return response.statusCode();
        }

        <T> T read(BodyReader<T> reader) {
            byte[] body = response.body();
            try {
                return reader.read(body);
            } catch (IOException | RuntimeException e) {
                if (e instanceof FerryException ferry) {
                    throw ferry;
                }
                throw FerryException.failed("The Heroku API sent an answer ferry cannot read ("
                        + request.subject().request() + ")", "retry; if it persists, report it to ferry", null);
            } finally {
                Arrays.fill(body, (byte) 0);
            }
        }

        FerryException failure() {
            return HerokuFailures.forStatus(request.subject(), status(), response.body(), attempts, credential);
        }
    }

    private CompletableFuture<Optional<JsonNode>> ifPresent(Request request, Set<Integer> absent) {
        return exchange(request).thenApply(outcome -> {
            if (absent.contains(outcome.status())) {
                return Optional.<JsonNode>empty();
            }
            if (outcome.status() != 200) {
                throw outcome.failure();
            }
            return Optional.of(outcome.read(JSON::readTree));
        });
    }

    private CompletableFuture<List<JsonNode>> page(String appName, String path, String range, List<JsonNode> sofar) {
        Request request = new Request(endpoints.api(), path, range, appName);
        return exchange(request).thenCompose(outcome -> {
            if (outcome.status() != 200 && outcome.status() != 206) {
                throw outcome.failure();
            }
            Optional<String> next = outcome.response.headers().firstValue("Next-Range");
            sofar.addAll(items(outcome.read(JSON::readTree), request));
            if (outcome.status() == 206 && next.isPresent() && !next.get().isBlank()) {
                return page(appName, path, next.get(), sofar);
            }
            return CompletableFuture.completedFuture(List.copyOf(sofar));
        });
    }

    private List<JsonNode> items(JsonNode body, Request request) {
        if (!body.isArray()) {
            throw FerryException.failed("The Heroku API sent an object where a list was expected ("
                    + request.subject().request() + ")", "check HEROKU_API_URL", null);
        }
        List<JsonNode> items = new ArrayList<>();
        body.forEach(items::add);
        return items;
    }

    private CompletableFuture<Outcome> exchange(Request request) {
        return attempt(request, 1);
    }

    private CompletableFuture<Outcome> attempt(Request request, int attempt) {
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            sent = http.sendAsync(httpRequest(request), HttpResponse.BodyHandlers.ofByteArray());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (!(cause instanceof IOException io)) {
                    return CompletableFuture.<Outcome>failedFuture(unwrap(cause));
                }
                if (!(io instanceof HttpTimeoutException) && attempt < settings.maxAttempts() && request.retriesAnswers()) {
                    return retryLater(request, attempt, Optional.empty(),
                            "the connection failed (" + io.getClass().getSimpleName() + ")");
                }
                return CompletableFuture.<Outcome>failedFuture(HerokuFailures.forIo(request.subject(),
                        request.base().getHost(), io, attempt, settings.requestTimeout()));
            }
            int status = response.statusCode();
            if ((status == 429 || status >= 500) && attempt < settings.maxAttempts() && request.retriesAnswers()) {
                Optional<Duration> retryAfter = Backoff.parseRetryAfter(
                        response.headers().firstValue("Retry-After"), ZonedDateTime.now());
                return retryLater(request, attempt, retryAfter, "Heroku answered " + status);
            }
            return CompletableFuture.completedFuture(new Outcome(request, response, attempt));
        }).thenCompose(Function.identity());
    }

    private CompletableFuture<Outcome> retryLater(Request request, int attempt, Optional<Duration> retryAfter,
                                                  String why) {
        Duration wait = backoff.delay(attempt, retryAfter);
        events.emit(new FerryEvent.Detail(request.subject().request() + ": " + why + "; retrying in "
                + wait.toMillis() + " ms (attempt " + (attempt + 1) + " of " + settings.maxAttempts() + ")"));
        return CompletableFuture.runAsync(() -> { },
                        CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
                .thenCompose(ignored -> attempt(request, attempt + 1));
    }

    private HttpRequest httpRequest(Request request) {
        URI uri = URI.create(request.base() + request.path());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body().toString()))
                .timeout(settings.requestTimeout())
                .header("Accept", ACCEPT)
                .header("User-Agent", settings.userAgent())
                .header("Request-Id", UUID.randomUUID().toString())
                .header("Authorization", "Bearer " + credential.token());
        if (request.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        if (request.range() != null) {
            builder.header("Range", request.range());
        }
        if ("http".equals(uri.getScheme())) {
            // no h2c upgrade dance on plain HTTP (a local server); HTTPS negotiates HTTP/2 with Heroku itself
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        return builder.build();
    }
}
