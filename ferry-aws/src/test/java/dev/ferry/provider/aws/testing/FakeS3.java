package dev.ferry.provider.aws.testing;

import dev.ferry.provider.aws.testing.FakeAws.Request;
import dev.ferry.provider.aws.testing.FakeAws.Response;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * S3 objects in memory, path-style (/BUCKET/KEY): PUT stores, HEAD answers 200 or 404, GET returns the bytes.
 * Bodies the SDK sends aws-chunked (streaming signatures, checksum trailers) are decoded first.
 */
public final class FakeS3 {

    private final Map<String, byte[]> objects = new TreeMap<>();
    private FakeAws aws;

    public FakeS3 install(FakeAws aws) {
        this.aws = aws;
        aws.on("S3.PUT", this::put).on("S3.HEAD", this::head).on("S3.GET", this::get);
        return this;
    }

    /** Puts an object as if an earlier run had uploaded it. */
    public synchronized FakeS3 object(String bucket, String key, byte[] content) {
        objects.put(bucket + "/" + key, content.clone());
        return this;
    }

    /** "BUCKET/KEY" of every object, sorted. */
    public synchronized java.util.Set<String> keys() {
        return java.util.Set.copyOf(objects.keySet());
    }

    public synchronized byte[] content(String bucket, String key) {
        byte[] content = objects.get(bucket + "/" + key);
        return content == null ? null : content.clone();
    }

    public synchronized Response put(Request request) {
        byte[] body = aws.bodyBytes(request);
        if (request.header("content-encoding").contains("aws-chunked")
                || request.header("x-amz-content-sha256").startsWith("STREAMING-")) {
            body = unchunk(body);
        }
        objects.put(objectPath(request), body);
        return new Response(200, "application/xml", new byte[0], Map.of("ETag", "\"fake-etag\""));
    }

    public synchronized Response head(Request request) {
        byte[] content = objects.get(objectPath(request));
        return content == null ? new Response(404, "application/xml", new byte[0], Map.of())
                : new Response(200, "application/octet-stream", new byte[0],
                        Map.of("ETag", "\"fake-etag\"", "x-fake-length", String.valueOf(content.length)));
    }

    public synchronized Response get(Request request) {
        byte[] content = objects.get(objectPath(request));
        return content == null ? new Response(404, "application/xml", ("<Error><Code>NoSuchKey</Code><Message>no"
                + " such key</Message></Error>").getBytes(StandardCharsets.UTF_8), Map.of())
                : new Response(200, "application/octet-stream", content, Map.of());
    }

    /** BUCKET/KEY from a path-style request path, query left off. */
    static String objectPath(Request request) {
        String path = request.path();
        int query = path.indexOf('?');
        String raw = (query < 0 ? path : path.substring(0, query)).substring(1);
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** aws-chunked: "HEXSIZE[;chunk-signature=...]\r\nDATA\r\n" until a 0-size chunk, then trailers. */
    static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, at);
            String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";")[0].strip(), 16);
            at = lineEnd + 2;
            if (size == 0) {
                break;
            }
            out.write(body, at, size);
            at += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] body, int from) {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("not aws-chunked: no line end after byte " + from);
    }
}
