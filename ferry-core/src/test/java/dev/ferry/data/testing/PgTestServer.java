package dev.ferry.data.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server on loopback for integration tests: initdb and pg_ctl from the installed packages
 * ({@code ferry.pg.bin}, default /usr/lib/postgresql/15/bin) into a temporary folder, a random free port, password
 * (scram) authentication, durability off for speed. A missing binary fails the test: it is never skipped.
 * initdb refuses root, so under root the server runs as the {@code postgres} user.
 */
public final class PgTestServer implements AutoCloseable {

    public static final String USER = "ferry";
    /** Characters that need URL-encoding, so the URL parser is exercised too. */
    public static final String PASSWORD = "s3cr3t-P@ss/w0rd%x";

    private static final Path BIN = Path.of(System.getProperty("ferry.pg.bin", "/usr/lib/postgresql/15/bin"));

    private final Path dir;
    private final int port;
    private final Thread stopOnExit;
    private final AtomicInteger created = new AtomicInteger();

    private PgTestServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.stopOnExit = new Thread(this::stop);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    public static PgTestServer start(String name) throws Exception {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new AssertionError("PostgreSQL server binaries not found in " + BIN
                    + " (install postgresql-15, or set -Dferry.pg.bin)");
        }
        Path dir = Files.createTempDirectory("ferry-pg-" + name + "-");
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, PASSWORD + "\n");
        giveToServerUser(dir);
        giveToServerUser(pwfile);
        run(List.of(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                "--auth=scram-sha-256", "--pwfile=" + pwfile, "-E", "UTF8", "--locale=C", "--no-sync"));
        int port = freePort();
        String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=1GB";
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-o", options,
                "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "start"));
        return new PgTestServer(dir, port);
    }

    public int port() {
        return port;
    }

    /** postgres://ferry:PASSWORD@127.0.0.1:PORT/DATABASE, password URL-encoded. */
    public String url(String database) {
        return "postgres://" + USER + ":" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "@127.0.0.1:"
                + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, USER, PASSWORD);
    }

    public void execute(String database, String... statements) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    public void createDatabase(String name) throws SQLException {
        execute("postgres", "CREATE DATABASE " + name);
    }

    /** A new empty database named {@code prefix} and a number, so that each test copies into a target of its own. */
    public String newDatabase(String prefix) throws SQLException {
        String name = prefix + created.incrementAndGet();
        createDatabase(name);
        return name;
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
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                run(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m",
                        "immediate", "-w", "stop"));
            }
        } catch (Exception e) {
            System.err.println("could not stop the test server in " + dir + ": " + e.getMessage());
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void giveToServerUser(Path path) throws IOException {
        if (root()) {
            UserPrincipal postgres = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(path, postgres);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
