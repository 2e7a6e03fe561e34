package dev.ferry.data.redis;

import dev.ferry.FerryException;
import dev.ferry.data.ConnectionUrl;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The few Redis commands ferry needs, in RESP2 over a socket (TLS for rediss://), with pipelining: {@link #send}
 * many, then {@link #read} as many replies. Replies are {@code String} (status), {@code Long}, {@code byte[]}
 * (bulk), {@code null} or {@code List<Object>}; an error reply is a {@link RespError}. Messages never carry the
 * password.
 */
final class RespClient implements AutoCloseable {

    /** An error reply (-ERR …, -BUSYKEY …). */
    static final class RespError extends RuntimeException {
        RespError(String message) {
            super(message);
        }
    }

    private final ConnectionUrl url;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RespClient(ConnectionUrl url, Socket socket) throws IOException {
        this.url = url;
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    }

    /**
     * Connects, authenticates and selects the database.
     *
     * @param skipTlsVerification trust any certificate and any host name (Heroku's self-signed ones only)
     */
    static RespClient connect(ConnectionUrl url, boolean skipTlsVerification, String role) {
        try {
            Socket socket = url.scheme().equals("rediss") ? tlsSocket(url, skipTlsVerification) : new Socket();
            if (!(socket instanceof SSLSocket)) {
                socket.connect(new InetSocketAddress(url.host(), url.port()), 15_000);
            }
            socket.setSoTimeout(120_000);
            socket.setTcpNoDelay(true);
            RespClient client = new RespClient(url, socket);
            if (url.password() != null) {
                client.callOrThrow(url.user() == null ? List.of("AUTH", url.password())
                        : List.of("AUTH", url.user(), url.password()));
            }
            if (!url.path().isEmpty() && !url.path().equals("0")) {
                client.callOrThrow(List.of("SELECT", url.path()));
            }
            return client;
        } catch (IOException | RespError | GeneralSecurityException e) {
            String problem = "could not connect to the " + role + " Redis " + url.place() + ": ";
            if (untrustedCertificate(e)) {
                throw FerryException.failed(problem + "its TLS certificate is not trusted by this machine's Java"
                                + " trust store (self-signed, or signed by a private CA)",
                        "add its CA certificate to a trust store and run ferry with FERRY_JAVA_OPTS="
                                + "'-Djavax.net.ssl.trustStore=FILE -Djavax.net.ssl.trustStorePassword=PASSWORD'",
                        null);
            }
            problem += url.scrub(String.valueOf(e.getMessage()));
            if (unreachable(e)) {
                // nothing answered: the environment is not ready (server down, wrong host or port, no network)
                throw FerryException.environment(problem, "check that the " + role + " Redis server is running and"
                        + " reachable from this machine (host, port, firewall)");
            }
            throw FerryException.failed(problem,
                    "check the " + role + " URL (password, host, port; rediss:// for TLS) and that the server is reachable",
                    null);
        }
    }

    /** Whether no server answered at all (refused, unknown host, timed out), as opposed to a refusal by one. */
    static boolean unreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.SocketTimeoutException
                    || cause instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the TLS handshake failed on the certificate chain (the JVM's message is a class name soup). */
    static boolean untrustedCertificate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.security.cert.CertPathValidatorException
                    || cause instanceof java.security.cert.CertPathBuilderException) {
                return true;
            }
        }
        return false;
    }

    Object call(List<?> command) throws IOException {
        send(command);
        flush();
        return read();
    }

    Object callOrThrow(List<?> command) throws IOException {
        send(command);
        flush();
        return readOrThrow();
    }

    void send(List<?> command) throws IOException {
        out.write(('*' + Integer.toString(command.size()) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (Object part : command) {
            byte[] bytes = part instanceof byte[] b ? b : part.toString().getBytes(StandardCharsets.UTF_8);
            out.write(('$' + Integer.toString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write('\r');
            out.write('\n');
        }
    }

    void flush() throws IOException {
        out.flush();
    }

    /** One reply; an error reply is returned as a {@link RespError} value (not thrown) so pipelines stay aligned. */
    Object read() throws IOException {
        int type = in.read();
        String line = line();
        return switch (type) {
            case '+' -> line;
            case '-' -> new RespError(url.scrub(line));
            case ':' -> Long.parseLong(line);
            case '$' -> bulk(Integer.parseInt(line));
            case '*' -> array(Integer.parseInt(line));
            case -1 -> throw new IOException("the server closed the connection");
            default -> throw new IOException("unexpected reply type '" + (char) type + "'");
        };
    }

    /** {@link #read}, throwing an error reply. */
    Object readOrThrow() throws IOException {
        Object reply = read();
        if (reply instanceof RespError error) {
            throw error;
        }
        return reply;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing left to do with it
        }
    }

    private byte[] bulk(int length) throws IOException {
        if (length < 0) {
            return null;
        }
        byte[] data = in.readNBytes(length);
        in.readNBytes(2);
        return data;
    }

    private List<Object> array(int size) throws IOException {
        if (size < 0) {
            return null;
        }
        List<Object> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            items.add(read());
        }
        return items;
    }

    private String line() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\r') {
                in.read();
                break;
            }
            buffer.write(c);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static Socket tlsSocket(ConnectionUrl url, boolean skipVerification)
            throws IOException, GeneralSecurityException {
        SSLContext context;
        if (skipVerification) {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustEverything()}, null);
        } else {
            context = SSLContext.getDefault();
        }
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(url.host(), url.port()), 15_000);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, url.host(), url.port(), true);
        if (!skipVerification) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
        }
        socket.startHandshake();
        return socket;
    }

    /** Heroku Key-Value Store presents self-signed certificates; used for a Heroku source only, with a warning. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
