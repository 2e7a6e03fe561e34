package dev.ferry.heroku.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ferry.testing.Schemas;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Heroku Platform API and data API on the JDK's HTTP server (127.0.0.1, an ephemeral port), serving recorded
 * answers from fixture files. It is strict where Heroku is, so the client cannot lean on leniency Heroku lacks:
 *
 * <ul>
 *   <li>every request must carry {@code Accept: application/vnd.heroku+json; version=3}, a UUID Request-Id, a
 *       User-Agent and a valid bearer token (otherwise 401, as Heroku answers);</li>
 *   <li>a request to a list must carry a Range header; lists are served page by page (206 + Next-Range);</li>
 *   <li>only endpoints the published Platform API schema declares are answered, and every answer is validated
 *       against that endpoint's definition with {@link Schemas#herokuErrors} before it is sent: a fixture that does not
 *       validate is a violation. Error bodies ({"id", "message"}) and data API answers cannot be checked: the schema
 *       defines neither.</li>
 * </ul>
 *
 * Violations are answered with an error and collected; {@link #close()} fails the test if there were any.
 * Faults (429, 500, 401, 404, two_factor, dropped connections, slow answers) are queued with {@link #fail}, and every
 * request can be delayed with {@link #withLatency} to make concurrency measurable.
 */
public final class FakeHerokuApi implements AutoCloseable {

    public static final String ACCEPT = "application/vnd.heroku+json; version=3";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RANGE = Pattern.compile(
            "^\\s*(\\w+)\\s+(]?)([^;]*?)\\.\\.([^;]*?)\\s*(?:;\\s*(.*))?$");
    private static final Pattern DATA_PATH = Pattern.compile("^/(client/v11|redis/v0)/databases/[^/]+$");
    private static final Pattern AUTHORIZATION_PATH = Pattern.compile("^/oauth/authorizations/([^/]+)$");

    /** One request as the fake saw it (never its token). Times are {@link System#nanoTime()}. */
    public record RecordedRequest(String method, String path, String range, String requestId, String userAgent,
                                  String accept, int status, long startNanos, long endNanos) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final Fixtures fixtures;
    private final String token = newToken();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, String> appDirs = new ConcurrentHashMap<>();
    private final List<String> appOrder = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();
    private final List<String> createdAuthorizations = new CopyOnWriteArrayList<>();
    private final List<String> deletedAuthorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;

    private FakeHerokuApi(Fixtures fixtures) throws IOException {
        this.fixtures = fixtures;
        validTokens.add(token);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-heroku-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A fake serving the fixtures under heroku-api/ on the test class path. */
    public static FakeHerokuApi start() {
        return start(Fixtures.classpath("heroku-api"));
    }

    /** A fake serving fixtures from a folder laid out like heroku-api/ (generated fixtures). */
    public static FakeHerokuApi start(Path fixtureRoot) {
        return start(Fixtures.folder(fixtureRoot.toAbsolutePath().normalize()));
    }

    private static FakeHerokuApi start(Fixtures fixtures) {
        try {
            return new FakeHerokuApi(fixtures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves the app whose fixtures are in {@code fixtureDir} (its name is the one in its app.json). */
    public FakeHerokuApi withApp(String fixtureDir) {
        String text = fixtures.read(fixtureDir + "/app.json")
                .orElseThrow(() -> new IllegalArgumentException("no fixture " + fixtureDir + "/app.json in " + fixtures));
        String name = readJson(text, fixtureDir + "/app.json").path("name").asText();
        appDirs.put(name, fixtureDir);
        appOrder.add(name);
        return this;
    }

    /**
     * Validates the registered apps' main fixtures (the app, its lists, its config vars, the dyno sizes) against the
     * schema now, without HTTP, and returns what is wrong (also kept as violations). Fails fast on a bad fixture, and
     * warms the validator so that timing a collection (the benchmark) measures ferry rather than the fake.
     */
    public List<String> checkFixtures() {
        List<String> found = new ArrayList<>();
        List<String> paths = new ArrayList<>(List.of("/apps", "/dyno-sizes"));
        for (String app : appOrder) {
            for (String rest : List.of("", "/formation", "/releases", "/addon-attachments", "/addons", "/config-vars",
                    "/domains", "/buildpack-installations")) {
                paths.add("/apps/" + app + rest);
            }
        }
        for (String path : paths) {
            Optional<JsonNode> body = platformFixture(path);
            Optional<SchemaRoutes.Route> route = SchemaRoutes.match("GET", path);
            if (body.isPresent() && route.isPresent()) {
                FixtureValidation.errors(route.get().definition(), body.get())
                        .forEach(error -> found.add("fixture for GET " + path + ": " + error));
            }
        }
        violations.addAll(found);
        return found;
    }

    /** Base URL, e.g. http://127.0.0.1:43123; good for HEROKU_API_URL, HEROKU_DATA_API_URL and HEROKU_HOST. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The token the fake accepts (besides the ones it hands out through POST /oauth/authorizations). */
    public String token() {
        return token;
    }

    /** HEROKU_API_URL and HEROKU_DATA_API_URL pointing here, and HEROKU_API_KEY set to {@link #token()}. */
    public Map<String, String> environment() {
        return Map.of("HEROKU_API_URL", url(), "HEROKU_DATA_API_URL", url(), "HEROKU_API_KEY", token);
    }

    /** Delays every answer by {@code delay} (the benchmark's 100 ms; tests use it to make overlap certain). */
    public FakeHerokuApi withLatency(Duration delay) {
        this.latency = delay;
        return this;
    }

    /** Queues faults; each applies once, to the next request it matches. */
    public FakeHerokuApi fail(Fault... queued) {
        synchronized (faults) {
            faults.addAll(List.of(queued));
        }
        return this;
    }

    /** Whether the fake would accept this token now. */
    public boolean accepts(String candidate) {
        return validTokens.contains(candidate);
    }

    public int requestCount() {
        return requests.size();
    }

    public int maxConcurrency() {
        return maxInFlight.get();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * Round trips in sequence: the longest chain of requests each of which started after the previous one had been
     * answered. Requests that overlap in time count once; this is what latency multiplies.
     */
    public int roundsInSequence() {
        List<RecordedRequest> sorted = new ArrayList<>(requests);
        sorted.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
        int[] chain = new int[sorted.size()];
        int longest = 0;
        for (int i = 0; i < sorted.size(); i++) {
            chain[i] = 1;
            for (int j = 0; j < i; j++) {
                if (sorted.get(j).endNanos() <= sorted.get(i).startNanos()) {
                    chain[i] = Math.max(chain[i], chain[j] + 1);
                }
            }
            longest = Math.max(longest, chain[i]);
        }
        return longest;
    }

    /** Forgets the requests seen so far (counts, concurrency, rounds), e.g. after a warm-up. */
    public void resetCounters() {
        requests.clear();
        maxInFlight.set(0);
    }

    /** Ids of authorizations created through POST /oauth/authorizations, in order. */
    public List<String> createdAuthorizations() {
        return List.copyOf(createdAuthorizations);
    }

    /** Ids of authorizations deleted through DELETE /oauth/authorizations/{id}, in order. */
    public List<String> deletedAuthorizations() {
        return List.copyOf(deletedAuthorizations);
    }

    /** What the fake found wrong with requests or fixtures so far. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Stops the server; fails if any request or fixture broke the rules. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        if (!violations.isEmpty()) {
            throw new AssertionError("the fake Heroku API saw " + violations.size() + " violation(s):\n  "
                    + String.join("\n  ", violations));
        }
    }

    // ---- serving ----

    /** Thrown out of the handler so that the server drops the connection without answering. */
    private static final class DropConnection extends RuntimeException {
        DropConnection() {
            super("connection dropped on purpose", null, false, false);
        }
    }

    private record Answer(int status, String body, Map<String, String> headers) {
        static Answer json(int status, String body) {
            return new Answer(status, body, Map.of());
        }

        static Answer error(int status, String id, String message) {
            ObjectNode error = JSON.createObjectNode().put("id", id).put("message", message);
            return json(status, error.toString());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        Answer answer;
        try {
            exchange.getRequestBody().readAllBytes();
            sleep(latency);
            answer = answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange);
        } catch (RuntimeException dropped) {
            record(exchange, -1, start);
            throw dropped;
        }
        // recorded before the answer leaves, so that a client holding its answer always finds the request counted
        record(exchange, answer.status(), start);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void record(HttpExchange exchange, int status, long start) {
        inFlight.decrementAndGet();
        var headers = exchange.getRequestHeaders();
        requests.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                headers.getFirst("Range"), headers.getFirst("Request-Id"), headers.getFirst("User-Agent"),
                headers.getFirst("Accept"), status, start, System.nanoTime()));
    }

    private Answer answer(String method, String path, HttpExchange exchange) {
        var headers = exchange.getRequestHeaders();
        String where = method + " " + path;
        if (!ACCEPT.equals(headers.getFirst("Accept"))) {
            violations.add(where + ": Accept was " + headers.getFirst("Accept") + ", Heroku needs " + ACCEPT);
            return Answer.error(400, "bad_request", "Please specify a version: " + ACCEPT);
        }
        checkRequestId(where, headers.getFirst("Request-Id"));
        String agent = headers.getFirst("User-Agent");
        if (agent == null || agent.isBlank()) {
            violations.add(where + ": no User-Agent");
        }
        String authorization = headers.getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !validTokens.contains(authorization.substring("Bearer ".length()))) {
            return Answer.error(401, "unauthorized", "Invalid credentials provided.");
        }
        Optional<Answer> injected = injectFault(path);
        if (injected.isPresent()) {
            return injected.get();
        }
        if (path.equals("/oauth/authorizations") && method.equals("POST")) {
            return createAuthorization();
        }
        Matcher authorizationPath = AUTHORIZATION_PATH.matcher(path);
        if (authorizationPath.matches() && method.equals("DELETE")) {
            return deleteAuthorization(authorizationPath.group(1));
        }
        if (method.equals("GET") && DATA_PATH.matcher(path).matches()) {
            // the data API is not in the Platform API schema: its fixtures cannot be schema-checked
            return dataFixture(path).map(body -> Answer.json(200, body))
                    .orElse(Answer.error(404, "not_found", "Couldn't find that database."));
        }
        Optional<SchemaRoutes.Route> route = SchemaRoutes.match(method, path);
        if (route.isEmpty()) {
            violations.add(where + ": not an endpoint of the Heroku Platform API schema");
            return Answer.error(404, "not_found", "Not found.");
        }
        if (!method.equals("GET")) {
            violations.add(where + ": the fake serves only reads (and OAuth authorizations)");
            return Answer.error(405, "method_not_allowed", "Method not allowed.");
        }
        return serve(where, path, route.get(), headers.getFirst("Range"));
    }

    private void checkRequestId(String where, String requestId) {
        try {
            UUID.fromString(requestId == null ? "" : requestId);
        } catch (IllegalArgumentException e) {
            violations.add(where + ": Request-Id is not a UUID: " + requestId);
        }
    }

    private Optional<Answer> injectFault(String path) {
        Fault fault = null;
        synchronized (faults) {
            for (int i = 0; i < faults.size(); i++) {
                if (faults.get(i).appliesTo(path)) {
                    fault = faults.remove(i);
                    break;
                }
            }
        }
        if (fault == null) {
            return Optional.empty();
        }
        switch (fault.kind) {
            case RESET -> throw new DropConnection();
            case SLOW -> {
                sleep(fault.duration);
                return Optional.empty();
            }
            default -> {
                Answer error = Answer.error(fault.status, fault.errorId, fault.message);
                return Optional.of(fault.duration == null ? error
                        : new Answer(error.status(), error.body(),
                                Map.of("Retry-After", Long.toString(fault.duration.toSeconds()))));
            }
        }
    }

    private Answer serve(String where, String path, SchemaRoutes.Route route, String range) {
        Optional<JsonNode> body = platformFixture(path);
        if (body.isEmpty()) {
            return path.startsWith("/apps/") && !appDirs.containsKey(path.split("/")[2])
                    ? Answer.error(404, "not_found", "Couldn't find that app.")
                    : Answer.error(404, "not_found", "Couldn't find that " + route.definition() + ".");
        }
        List<String> errors = FixtureValidation.errors(route.definition(), body.get());
        if (!errors.isEmpty()) {
            violations.add(where + ": the fixture does not match the schema's " + route.definition() + ": " + errors);
            return Answer.error(500, "fixture_invalid", "The fixture does not match the Heroku schema.");
        }
        if (!route.list()) {
            return Answer.json(200, body.get().toString());
        }
        if (range == null) {
            violations.add(where + ": a list request without a Range header (Heroku pages lists)");
            return Answer.json(200, body.get().toString());
        }
        return page(where, (ArrayNode) body.get(), range, pageSize(path));
    }

    /** One page of a list, sorted by the Range field, with Next-Range when more remain. */
    private Answer page(String where, ArrayNode items, String range, int pageSize) {
        Matcher parts = RANGE.matcher(range);
        if (!parts.matches()) {
            violations.add(where + ": Range header not in Heroku's form (e.g. \"id ..; max=1000\"): " + range);
            return Answer.error(400, "bad_request", "Invalid Range header.");
        }
        String field = parts.group(1);
        boolean exclusive = !parts.group(2).isEmpty();
        String from = parts.group(3).trim();
        Map<String, String> params = new java.util.TreeMap<>();
        if (parts.group(5) != null) {
            for (String param : parts.group(5).split(",")) {
                String[] pair = param.trim().split("=", 2);
                params.put(pair[0].trim(), pair.length > 1 ? pair[1].trim() : "");
            }
        }
        boolean descending = "desc".equals(params.get("order"));
        int max = Integer.parseInt(params.getOrDefault("max", "200"));
        if (max > 1000) {
            violations.add(where + ": Range max " + max + " is above Heroku's 1000");
        }
        List<JsonNode> sorted = new ArrayList<>();
        items.forEach(sorted::add);
        java.util.Comparator<JsonNode> order = (a, b) -> compareKeys(a.path(field), b.path(field));
        sorted.sort(descending ? order.reversed() : order);
        int first = 0;
        if (!from.isEmpty()) {
            while (first < sorted.size()) {
                int c = compareKeys(sorted.get(first).path(field), textNode(from));
                c = descending ? -c : c;
                if (c > 0 || (c == 0 && !exclusive)) {
                    break;
                }
                first++;
            }
        }
        int size = Math.min(max, pageSize);
        int end = Math.min(sorted.size(), first + size);
        ArrayNode page = JSON.createArrayNode();
        sorted.subList(first, end).forEach(page::add);
        if (end < sorted.size()) {
            String last = sorted.get(end - 1).path(field).asText();
            String next = field + " ]" + last + "..; " + (descending ? "order=desc, " : "") + "max=" + max;
            return new Answer(206, page.toString(), Map.of("Next-Range", next));
        }
        return Answer.json(200, page.toString());
    }

    private static JsonNode textNode(String value) {
        return JSON.getNodeFactory().textNode(value);
    }

    private static int compareKeys(JsonNode a, JsonNode b) {
        if (a.isNumber() || b.isNumber()) {
            try {
                return Double.compare(Double.parseDouble(a.asText()), Double.parseDouble(b.asText()));
            } catch (NumberFormatException e) {
                // fall through to text
            }
        }
        return a.asText("").compareTo(b.asText(""));
    }

    // ---- fixtures ----

    private Optional<JsonNode> platformFixture(String path) {
        String[] segments = path.substring(1).split("/");
        if (path.equals("/apps")) {
            ArrayNode apps = JSON.createArrayNode();
            appOrder.forEach(name -> apps.add(json(appDirs.get(name) + "/app.json").orElseThrow()));
            return Optional.of(apps);
        }
        if (segments[0].equals("apps")) {
            String dir = appDirs.get(segments[1]);
            if (dir == null) {
                return Optional.empty();
            }
            String rest = segments.length == 2 ? "app" : path.substring(("/apps/" + segments[1] + "/").length());
            return json(dir + "/" + rest + ".json").or(() -> itemOfList(List.of(dir), rest));
        }
        String rest = path.substring(1);
        List<String> dirs = new ArrayList<>();
        appOrder.forEach(name -> dirs.add(appDirs.get(name)));
        dirs.add(Fixtures.SHARED);
        for (String dir : dirs) {
            Optional<JsonNode> found = json(dir + "/" + rest + ".json");
            if (found.isPresent()) {
                return found;
            }
        }
        return itemOfList(dirs, rest);
    }

    /** /addons/{id} or /dyno-sizes/{name}: the item of the parent list whose id or name matches. */
    private Optional<JsonNode> itemOfList(List<String> dirs, String rest) {
        int slash = rest.lastIndexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String parent = rest.substring(0, slash);
        String key = rest.substring(slash + 1);
        for (String dir : dirs) {
            Optional<JsonNode> list = json(dir + "/" + parent + ".json");
            if (list.isPresent()) {
                for (JsonNode item : list.get()) {
                    if (key.equals(item.path("id").asText()) || key.equalsIgnoreCase(item.path("name").asText())) {
                        return Optional.of(item);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> dataFixture(String path) {
        for (String name : appOrder) {
            Optional<String> text = fixtures.read(appDirs.get(name) + "/data" + path + ".json");
            if (text.isPresent()) {
                readJson(text.get(), path);
                return text;
            }
        }
        return Optional.empty();
    }

    private int pageSize(String path) {
        String[] segments = path.substring(1).split("/");
        if (segments.length < 3 || !segments[0].equals("apps") || !appDirs.containsKey(segments[1])) {
            return 1000;
        }
        Optional<String> settings = fixtures.read(appDirs.get(segments[1]) + "/fake.properties");
        if (settings.isEmpty()) {
            return 1000;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(settings.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String rest = path.substring(("/apps/" + segments[1] + "/").length());
        return Integer.parseInt(properties.getProperty("page-size." + rest, "1000"));
    }

    private Optional<JsonNode> json(String relative) {
        return fixtures.read(relative).map(text -> readJson(text, relative));
    }

    private static JsonNode readJson(String text, String where) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("fixture " + where + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    // ---- OAuth authorizations (what `heroku authorizations:create` and `:revoke` call) ----

    private Answer createAuthorization() {
        String id = UUID.randomUUID().toString();
        String newToken = newToken();
        String now = Instant.now().toString();
        ObjectNode body = JSON.createObjectNode();
        body.putObject("access_token").put("expires_in", 300).put("id", UUID.randomUUID().toString())
                .put("token", newToken);
        body.putNull("client");
        body.put("created_at", now);
        body.put("description", "ferry (temporary)");
        body.putNull("grant");
        body.put("id", id);
        body.putNull("refresh_token");
        body.putArray("scope").add("global");
        body.putNull("session");
        body.put("updated_at", now);
        body.putObject("user").put("id", "5b2a9b2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b").put("email", "dev@example.com")
                .put("full_name", "Fake Developer");
        List<String> errors = Schemas.herokuErrors("oauth-authorization", body);
        if (!errors.isEmpty()) {
            violations.add("POST /oauth/authorizations: the answer does not match the schema: " + errors);
        }
        authorizations.put(id, newToken);
        validTokens.add(newToken);
        createdAuthorizations.add(id);
        return Answer.json(201, body.toString());
    }

    private Answer deleteAuthorization(String id) {
        String revoked = authorizations.remove(id);
        if (revoked == null) {
            return Answer.error(404, "not_found", "Couldn't find that authorization.");
        }
        validTokens.remove(revoked);
        deletedAuthorizations.add(id);
        String now = Instant.now().toString();
        ObjectNode body = JSON.createObjectNode();
        body.putNull("access_token");
        body.putNull("client");
        body.put("created_at", now);
        body.put("description", "ferry (temporary)");
        body.putNull("grant");
        body.put("id", id);
        body.putNull("refresh_token");
        body.putArray("scope").add("global");
        body.putNull("session");
        body.put("updated_at", now);
        body.putObject("user").put("id", "5b2a9b2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b").put("email", "dev@example.com")
                .put("full_name", "Fake Developer");
        return Answer.json(200, body.toString());
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "HRKU-" + HexFormat.of().formatHex(bytes);
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
