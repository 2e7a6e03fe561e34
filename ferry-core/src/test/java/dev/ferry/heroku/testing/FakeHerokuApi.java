package dev.ferry.heroku.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ferry.testing.Schemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 *   <li>writes: only {@code PATCH /apps/{app}} (maintenance) and {@code PATCH /apps/{app}/formation} (batch scale),
 *       each body checked against its link's schema (top level strict) and applied ({@link FakeAppWrites}), so that
 *       later reads see it; the answer is checked like a fixture. Anything else that writes is a violation.</li>
 *   <li>Heroku Postgres backups on the data API ({@link FakeBackups}: capture, progress, public URL, and the download
 *       standing in for storage, where the Heroku token must not be sent), once a test gives a dump with
 *       {@link #withBackup}.</li>
 * </ul>
 *
 * Violations are answered with an error and collected; {@link #close()} fails the test if there were any.
 * Faults (429, 500, 401, 404, two_factor, dropped connections, slow answers) are queued with {@link #fail}, and every
 * request can be delayed with {@link #withLatency} to make concurrency measurable. The data API paths
 * (/client/v11/databases/{id}, /redis/v0/databases/{id}) are served on the same port, so {@link #url()} also serves
 * as HEROKU_DATA_API_URL; so are POST and DELETE /oauth/authorizations, for the heroku CLI.
 */
public final class FakeHerokuApi implements AutoCloseable {

    public static final String ACCEPT = "application/vnd.heroku+json; version=3";

    private static final Pattern DATA_PATH = Pattern.compile("^/(client/v11|redis/v0)/databases/[^/]+$");
    private static final Pattern AUTHORIZATION_PATH = Pattern.compile("^/oauth/authorizations/([^/]+)$");
    /** The writes the fake applies: maintenance mode and formation batch updates. */
    private static final Pattern WRITABLE = Pattern.compile("^/apps/[^/]+(/formation)?$");

    /** One request as the fake saw it (never its token). Times are {@link System#nanoTime()}; status -1: dropped. */
    public record RecordedRequest(String method, String path, String range, String requestId, String userAgent,
                                  String accept, int status, long startNanos, long endNanos) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final AppFixtures apps;
    private final FakeAppWrites writes;
    private final FakeBackups backups;
    private final FakeAuthorizations authorizations = new FakeAuthorizations();
    private final List<Fault> faults = new ArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;

    private FakeHerokuApi(Fixtures fixtures) throws IOException {
        this.apps = new AppFixtures(fixtures);
        this.writes = new FakeAppWrites(apps);
        this.backups = new FakeBackups(apps);
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
        apps.register(fixtureDir);
        return this;
    }

    /** Base URL, e.g. http://127.0.0.1:43123; good for HEROKU_API_URL, HEROKU_DATA_API_URL and HEROKU_HOST. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The token the fake accepts (besides the ones it hands out through POST /oauth/authorizations). */
    public String token() {
        return authorizations.primaryToken();
    }

    /** HEROKU_API_URL and HEROKU_DATA_API_URL pointing here, and HEROKU_API_KEY set to {@link #token()}. */
    public Map<String, String> environment() {
        return Map.of("HEROKU_API_URL", url(), "HEROKU_DATA_API_URL", url(), "HEROKU_API_KEY", token());
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

    /**
     * Validates the registered apps' main fixtures (the app, its lists, its config vars, the dyno sizes) against the
     * schema now, without HTTP, and returns what is wrong (also kept as violations). Fails fast on a bad fixture, and
     * warms the validator so that timing a collection (the benchmark) measures ferry rather than the fake.
     */
    public List<String> checkFixtures() {
        List<String> found = new ArrayList<>();
        List<String> paths = new ArrayList<>(List.of("/apps", "/dyno-sizes"));
        for (String app : apps.names()) {
            for (String rest : List.of("", "/formation", "/releases", "/addon-attachments", "/addons", "/config-vars",
                    "/domains", "/buildpack-installations")) {
                paths.add("/apps/" + app + rest);
            }
        }
        for (String path : paths) {
            Optional<JsonNode> body = apps.platform(path);
            Optional<SchemaRoutes.Route> route = SchemaRoutes.match("GET", path);
            if (body.isPresent() && route.isPresent()) {
                FixtureValidation.errors(route.get().definition(), body.get())
                        .forEach(error -> found.add("fixture for GET " + path + ": " + error));
            }
        }
        violations.addAll(found);
        return found;
    }

    /** Whether the fake would accept this token now. */
    public boolean accepts(String candidate) {
        return authorizations.accepts(candidate);
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
        return authorizations.created();
    }

    /** Ids of authorizations deleted through DELETE /oauth/authorizations/{id}, in order. */
    public List<String> deletedAuthorizations() {
        return authorizations.deleted();
    }

    /**
     * Makes the data API's backups produce {@code dump} (a custom-format pg_dump): a capture runs for {@code polls}
     * progress requests, then finishes ({@code fail}: with succeeded false). See {@link FakeBackups}.
     */
    public FakeHerokuApi withBackup(byte[] dump, int polls, boolean fail) {
        backups.produce(dump, polls, fail);
        return this;
    }

    /** Finished backups report {@code bytes} as their size (the download still serves the dump given). */
    public FakeHerokuApi withBackupSize(long bytes) {
        backups.reportSize(bytes);
        return this;
    }

    /** The backup downloads served so far (paths, without their signature). */
    public List<String> backupDownloads() {
        return backups.downloads();
    }

    /** The password that every fake backup transfer's from_url holds, for tests asserting it never shows. */
    public static String transferPassword() {
        return FakeBackups.FROM_URL_PASSWORD;
    }

    /** Whether the app is in maintenance mode now (after any PATCH). */
    public boolean maintenance(String app) {
        return writes.maintenance(app);
    }

    /** The app's process types and their quantities now (after any PATCH), in fixture order. */
    public Map<String, Integer> formation(String app) {
        return writes.quantities(app);
    }

    /** The writes the fake applied, in order: "maintenance APP true", "scale APP TYPE=N". */
    public List<String> writes() {
        return writes.log();
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

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        FakeAnswer answer;
        try {
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            sleep(latency);
            answer = answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange, requestBody);
        } catch (RuntimeException dropped) {
            record(exchange, -1, start);
            throw dropped;
        }
        // recorded before the answer leaves, so that a client holding its answer always finds the request counted
        record(exchange, answer.status(), start);
        byte[] body = answer.bytes() != null ? answer.bytes() : answer.body().getBytes(StandardCharsets.UTF_8);
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

    private FakeAnswer answer(String method, String path, HttpExchange exchange, byte[] requestBody) {
        var headers = exchange.getRequestHeaders();
        String where = method + " " + path;
        if (path.startsWith(FakeBackups.DOWNLOAD_PREFIX) && method.equals("GET")) {
            // backup storage, not the API: a signed URL, no Heroku headers
            return backups.download(path, exchange.getRequestURI().getRawQuery(), headers.getFirst("Authorization"),
                    violations::add);
        }
        if (!ACCEPT.equals(headers.getFirst("Accept"))) {
            violations.add(where + ": Accept was " + headers.getFirst("Accept") + ", Heroku needs " + ACCEPT);
            return FakeAnswer.error(400, "bad_request", "Please specify a version: " + ACCEPT);
        }
        checkRequestId(where, headers.getFirst("Request-Id"));
        String agent = headers.getFirst("User-Agent");
        if (agent == null || agent.isBlank()) {
            violations.add(where + ": no User-Agent");
        }
        String authorization = headers.getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !authorizations.accepts(authorization.substring("Bearer ".length()))) {
            return FakeAnswer.error(401, "unauthorized", "Invalid credentials provided.");
        }
        Optional<FakeAnswer> injected = injectFault(path);
        if (injected.isPresent()) {
            return injected.get();
        }
        if (path.equals("/oauth/authorizations") && method.equals("POST")) {
            return authorizations.create(violations::add);
        }
        Matcher authorizationPath = AUTHORIZATION_PATH.matcher(path);
        if (authorizationPath.matches() && method.equals("DELETE")) {
            return authorizations.delete(authorizationPath.group(1));
        }
        Optional<JsonNode> requestJson = requestJson(where, headers.getFirst("Content-Type"), requestBody);
        Optional<FakeAnswer> backup = backups.answer(method, path, url(), violations::add);
        if (backup.isPresent()) {
            return backup.get();
        }
        if (method.equals("GET") && DATA_PATH.matcher(path).matches()) {
            // the data API is not in the Platform API schema: its fixtures cannot be schema-checked
            return apps.data(path).map(body -> FakeAnswer.json(200, body))
                    .orElse(FakeAnswer.error(404, "not_found", "Couldn't find that database."));
        }
        Optional<SchemaRoutes.Route> route = SchemaRoutes.match(method, path);
        if (route.isEmpty()) {
            violations.add(where + ": not an endpoint of the Heroku Platform API schema");
            return FakeAnswer.error(404, "not_found", "Not found.");
        }
        if (method.equals("PATCH") && WRITABLE.matcher(path).matches()) {
            return write(where, path, route.get(), requestJson);
        }
        if (!method.equals("GET")) {
            violations.add(where + ": the fake serves only reads, maintenance and formation updates (and OAuth"
                    + " authorizations)");
            return FakeAnswer.error(405, "method_not_allowed", "Method not allowed.");
        }
        return serve(where, path, route.get(), headers.getFirst("Range"));
    }

    /** The request's JSON body, checked to be JSON with its content type; empty when there is none. */
    private Optional<JsonNode> requestJson(String where, String contentType, byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        if (contentType == null || !contentType.startsWith("application/json")) {
            violations.add(where + ": a body without Content-Type: application/json");
        }
        try {
            return Optional.of(new com.fasterxml.jackson.databind.ObjectMapper().readTree(body));
        } catch (IOException e) {
            violations.add(where + ": the body is not JSON");
            return Optional.empty();
        }
    }

    /**
     * PATCH /apps/{app} and PATCH /apps/{app}/formation: the body is checked against the link's schema, applied
     * ({@link FakeAppWrites}), and the answer checked against the link's target definition like any fixture.
     */
    private FakeAnswer write(String where, String path, SchemaRoutes.Route route, Optional<JsonNode> body) {
        if (body.isEmpty()) {
            violations.add(where + ": no JSON body");
            return FakeAnswer.error(400, "bad_request", "Invalid params.");
        }
        List<String> errors = Schemas.herokuRequestErrors(route.requestSchema(), body.get());
        if (!errors.isEmpty()) {
            violations.add(where + ": the body does not match the schema's " + route.href() + ": " + errors);
            return FakeAnswer.error(422, "invalid_params", "Invalid params.");
        }
        Optional<JsonNode> answer = writes.patch(path, body.get(), violations::add);
        if (answer.isEmpty()) {
            return FakeAnswer.error(404, "not_found", "Couldn't find that app.");
        }
        List<String> answerErrors = FixtureValidation.errors(route.definition(), answer.get());
        if (!answerErrors.isEmpty()) {
            violations.add(where + ": the answer does not match the schema's " + route.definition() + ": "
                    + answerErrors);
            return FakeAnswer.error(500, "fixture_invalid", "The fixture does not match the Heroku schema.");
        }
        return FakeAnswer.json(200, answer.get().toString());
    }

    private void checkRequestId(String where, String requestId) {
        try {
            UUID.fromString(requestId == null ? "" : requestId);
        } catch (IllegalArgumentException e) {
            violations.add(where + ": Request-Id is not a UUID: " + requestId);
        }
    }

    private Optional<FakeAnswer> injectFault(String path) {
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
                FakeAnswer error = FakeAnswer.error(fault.status, fault.errorId, fault.message);
                return Optional.of(fault.duration == null ? error
                        : error.withHeader("Retry-After", Long.toString(fault.duration.toSeconds())));
            }
        }
    }

    private FakeAnswer serve(String where, String path, SchemaRoutes.Route route, String range) {
        Optional<JsonNode> body = writes.current(path).or(() -> apps.platform(path));
        if (body.isEmpty()) {
            return path.startsWith("/apps/") && !apps.serves(path.split("/")[2])
                    ? FakeAnswer.error(404, "not_found", "Couldn't find that app.")
                    : FakeAnswer.error(404, "not_found", "Couldn't find that " + route.definition() + ".");
        }
        List<String> errors = FixtureValidation.errors(route.definition(), body.get());
        if (!errors.isEmpty()) {
            violations.add(where + ": the fixture does not match the schema's " + route.definition() + ": " + errors);
            return FakeAnswer.error(500, "fixture_invalid", "The fixture does not match the Heroku schema.");
        }
        if (!route.list()) {
            return FakeAnswer.json(200, body.get().toString());
        }
        if (range == null) {
            violations.add(where + ": a list request without a Range header (Heroku pages lists)");
            return FakeAnswer.json(200, body.get().toString());
        }
        return RangePages.page((ArrayNode) body.get(), range, apps.pageSize(path),
                problem -> violations.add(where + ": " + problem));
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
