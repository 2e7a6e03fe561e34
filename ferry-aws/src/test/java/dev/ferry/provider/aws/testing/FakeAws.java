package dev.ferry.provider.aws.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A local HTTP endpoint standing in for AWS (clients reach it through AWS_ENDPOINT_URL / endpointOverride). Each
 * request is recognised by its protocol — JSON 1.0/1.1 by the X-Amz-Target header, the query protocol by its Action
 * form field, S3's REST-XML by method and path — and answered by the handler registered for that operation.
 * Every request is recorded, so a test can check the action and the parameters it carried. An operation without a
 * handler is answered with a 400 naming it, and is recorded as unexpected: tests assert there were none.
 */
public final class FakeAws implements AutoCloseable {

    /** One request as the fake saw it. */
    public record Request(String operation, String method, String path, Map<String, String> headers, String body,
                          Map<String, String> form) {

        /** A header by lower-case name, or "". */
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), "");
        }
    }

    /** The answer to a request. */
    public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

        public static Response json(String body) {
            return new Response(200, "application/x-amz-json-1.1", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Response xml(String body) {
            return new Response(200, "text/xml", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Response empty() {
            return new Response(200, "application/octet-stream", new byte[0], Map.of());
        }

        /** A JSON-protocol error as AWS answers it (the __type names the exception). */
        public static Response jsonError(int status, String type, String message) {
            String body = "{\"__type\":\"" + type + "\",\"message\":\"" + message.replace("\"", "'") + "\"}";
            return new Response(status, "application/x-amz-json-1.1", body.getBytes(StandardCharsets.UTF_8),
                    Map.of("x-amzn-ErrorType", type));
        }

        /** A query-protocol error as AWS answers it. */
        public static Response queryError(int status, String code, String message) {
            String body = "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                    + "</Message></Error><RequestId>fake</RequestId></ErrorResponse>";
            return new Response(status, "text/xml", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Response>> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<Request, Response> otherwise;
    private final Map<Request, byte[]> rawBodies = Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    public FakeAws() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The URL to put in AWS_ENDPOINT_URL. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An environment for {@code dev.ferry.provider.aws.AwsClients}: this endpoint, a region and fake keys. */
    public Map<String, String> env() {
        return Map.of("AWS_ENDPOINT_URL", url(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "AKIAFAKEFAKEFAKEFAKE", "AWS_SECRET_ACCESS_KEY", "fake-secret-key");
    }

    /**
     * Answers {@code operation} with {@code handler}. Operations are named as the protocol names them: the
     * X-Amz-Target value for JSON services (e.g. "AmazonEC2ContainerServiceV20141113.RunTask"), "Service.Action"
     * for query services (e.g. "CloudFormation.DescribeStacks", from the signing scope), and "S3.METHOD" for S3.
     */
    public FakeAws on(String operation, Function<Request, Response> handler) {
        handlers.put(operation, handler);
        return this;
    }

    /**
     * Answers every operation that has no handler of its own with {@code handler} (e.g. an access denial for a whole
     * account); such requests are not counted as unexpected.
     */
    public FakeAws otherwise(Function<Request, Response> handler) {
        this.otherwise = handler;
        return this;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests for one operation, in order. */
    public List<Request> requests(String operation) {
        return requests().stream().filter(r -> r.operation().equals(operation)).toList();
    }

    /** A request's body as bytes (S3 objects are binary; {@link Request#body()} is its UTF-8 reading). */
    public byte[] bodyBytes(Request request) {
        byte[] raw = rawBodies.get(request);
        return raw == null ? request.body().getBytes(StandardCharsets.UTF_8) : raw.clone();
    }

    /** Operations that reached the fake with no handler; a test asserts this is empty. */
    public List<String> unexpected() {
        synchronized (unexpected) {
            return List.copyOf(unexpected);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String body = new String(raw, StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            Map<String, String> form = headers.getOrDefault("content-type", "").startsWith(
                    "application/x-www-form-urlencoded") ? parseForm(body) : Map.of();
            String path = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String operation = operation(exchange.getRequestMethod(), headers, form);
            Request request = new Request(operation, exchange.getRequestMethod(), path, Map.copyOf(headers), body,
                    form);
            rawBodies.put(request, raw);
            requests.add(request);
            Function<Request, Response> handler = handlers.get(operation);
            Response response;
            if (handler == null && otherwise != null) {
                response = otherwise.apply(request);
            } else if (handler == null) {
                unexpected.add(operation);
                response = Response.jsonError(400, "UnexpectedOperation", "the fake has no handler for " + operation);
            } else {
                response = handler.apply(request);
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("x-amzn-RequestId", "fake-request");
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            if (response.body().length == 0) {
                exchange.sendResponseHeaders(response.status(), exchange.getRequestMethod().equals("HEAD") ? -1 : 0);
            } else {
                exchange.sendResponseHeaders(response.status(), response.body().length);
                exchange.getResponseBody().write(response.body());
            }
        } catch (RuntimeException e) {
            unexpected.add("handler failed: " + e);
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private static String operation(String method, Map<String, String> headers, Map<String, String> form) {
        String target = headers.get("x-amz-target");
        if (target != null) {
            return target;
        }
        String service = signingService(headers.getOrDefault("authorization", ""));
        if (form.containsKey("Action")) {
            return capitalized(service) + "." + form.get("Action");
        }
        return capitalized(service) + "." + method;
    }

    /** The service from the SigV4 credential scope: Credential=KEY/DATE/REGION/SERVICE/aws4_request. */
    private static String signingService(String authorization) {
        int at = authorization.indexOf("Credential=");
        if (at < 0) {
            return "unknown";
        }
        String[] scope = authorization.substring(at + "Credential=".length()).split("[,\\s]")[0].split("/");
        return scope.length > 3 ? scope[3] : "unknown";
    }

    private static String capitalized(String service) {
        return switch (service) {
            case "cloudformation" -> "CloudFormation";
            case "s3" -> "S3";
            case "sts" -> "STS";
            default -> service;
        };
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
