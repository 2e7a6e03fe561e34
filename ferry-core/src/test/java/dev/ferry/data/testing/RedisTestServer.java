package dev.ferry.data.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away redis-server on loopback (Debian's package; {@code ferry.redis.server} overrides the binary), with a
 * password, no persistence, and optionally TLS only, with a self-signed certificate made by openssl, as Heroku
 * Key-Value Store presents. A missing binary fails the test: it is never skipped.
 */
public final class RedisTestServer implements AutoCloseable {

    public static final String PASSWORD = "r3dis-s3cr3t@pw";

    private static final String BINARY = System.getProperty("ferry.redis.server", "/usr/bin/redis-server");

    private final Process process;
    private final Path dir;
    private final int port;
    private final boolean tls;
    private final Thread stopOnExit;

    private RedisTestServer(Process process, Path dir, int port, boolean tls) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.tls = tls;
        this.stopOnExit = new Thread(this::stop);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    public static RedisTestServer start(boolean tls) throws Exception {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new AssertionError("redis-server not found at " + BINARY
                    + " (apt-get install redis-server, or set -Dferry.redis.server)");
        }
        Path dir = Files.createTempDirectory("ferry-redis-");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(BINARY, "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--requirepass", PASSWORD, "--dir", dir.toString(), "--databases", "64"));
        if (tls) {
            run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString(), "-days", "2",
                    "-subj", "/CN=redis.self-signed.invalid"));
            command.addAll(List.of("--port", "0", "--tls-port", Integer.toString(port),
                    "--tls-cert-file", dir.resolve("cert.pem").toString(),
                    "--tls-key-file", dir.resolve("key.pem").toString(), "--tls-auth-clients", "no"));
        } else {
            command.addAll(List.of("--port", Integer.toString(port)));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile()).start();
        RedisTestServer server = new RedisTestServer(process, dir, port, tls);
        server.awaitListening();
        return server;
    }

    /** redis:// (or rediss://) with the password, database {@code db}. */
    public String url(int db) {
        return (tls ? "rediss" : "redis") + "://:" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "@127.0.0.1:" + port + "/" + db;
    }

    public int port() {
        return port;
    }

    /**
     * Sends the commands (after AUTH) over one plain connection and returns every reply, raw RESP, for a test to
     * seed or inspect the server without a Redis client library. An error reply fails the test.
     */
    @SafeVarargs
    public final String send(List<String>... commands) throws IOException {
        if (tls) {
            throw new IllegalStateException("send speaks plain RESP; this server takes TLS only");
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            StringBuilder out = new StringBuilder(resp(List.of("AUTH", PASSWORD)));
            for (List<String> command : commands) {
                out.append(resp(command));
            }
            socket.getOutputStream().write(out.toString().getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            String replies = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (replies.contains("-ERR")) {
                throw new AssertionError("redis-server answered an error: " + replies);
            }
            return replies;
        }
    }

    /** One command as a RESP array of bulk strings. */
    private static String resp(List<String> args) {
        StringBuilder b = new StringBuilder("*").append(args.size()).append("\r\n");
        for (String arg : args) {
            b.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg)
                    .append("\r\n");
        }
        return b.toString();
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // already stopping
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited: " + Files.readString(dir.resolve("server.log")));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("redis-server did not listen on port " + port);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
