package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ferry.FerryException;
import dev.ferry.build.engine.Engine;
import dev.ferry.build.engine.EngineLocator;
import dev.ferry.data.deployed.DataKind;
import dev.ferry.data.testing.PgTestServer;
import dev.ferry.data.testing.RedisTestServer;
import dev.ferry.provider.aws.data.MoverCommand;
import dev.ferry.provider.aws.data.MoverImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The aws data mover's image, built from ferry's real shaded jar by the machine's engine (Podman here) and run the way
 * the one-off Fargate task runs it: {@link MoverCommand}'s arguments after the image's entrypoint, the URLs and
 * PGPASSWORD in the container's environment only. The databases are PostgreSQL and Redis test servers on the host's
 * loopback, reached with {@code --network host}.
 *
 * <p>This test lives in ferry-cli rather than ferry-aws: the jar the image must carry is ferry-cli's shaded
 * target/ferry.jar, made in this module's package phase, which runs before failsafe's integration-test phase (ferry-aws
 * is built before ferry-cli, so no jar exists there yet). The base image is never pulled: .ci/podman builds the local
 * stand-in of postgres:17.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MoverImageIT {

    private static final Path JAR = Path.of("target", "ferry.jar");
    private static final int MAJOR = 17;
    private static final String REPOSITORY = "localhost/ferry-it/mover";

    private Engine engine;
    private String image;
    private PgTestServer source;
    private PgTestServer target;
    private RedisTestServer redis;

    @BeforeAll
    void buildImageAndStartServers() throws Exception {
        assertThat(JAR).as("ferry-cli's shaded jar (made by `mvn package`, before the integration tests)").isRegularFile();
        try {
            engine = new EngineLocator(System.getenv()).locate();
        } catch (FerryException e) {
            fail("this test needs a container engine: run ../shared/container/podman-setup.sh (" + e.getMessage() + ")");
        }
        assertThat(engine("image", "inspect", "postgres:" + MAJOR).exitCode())
                .as("postgres:" + MAJOR + " is missing: run .ci/podman").isZero();

        MoverImage mover = MoverImage.forJar(JAR, MAJOR);
        Path context = Files.createTempDirectory("ferry-mover-context");
        try {
            mover.writeContext(context);
            image = REPOSITORY + ":" + mover.tag();
            Result build = engine("build", "--pull=never", "-t", image, context.toString());
            assertThat(build.exitCode()).as(build.output()).isZero();
        } finally {
            delete(context);
        }
        removeEarlierBuilds();

        source = PgTestServer.start("mover-src");
        target = PgTestServer.start("mover-dst");
        redis = RedisTestServer.start(false);
        source.createDatabase("app");
        source.execute("app",
                "CREATE TABLE customers (id bigserial PRIMARY KEY, name text NOT NULL, joined timestamptz, tags text[])",
                "CREATE TABLE orders (id serial PRIMARY KEY, customer bigint REFERENCES customers, total numeric(12,2),"
                        + " paid boolean, data jsonb)",
                "INSERT INTO customers (name, joined, tags) SELECT 'customer ' || g,"
                        + " timestamptz '2024-01-01 00:00:00+00' + g * interval '1 hour', ARRAY['t' || (g % 7)]"
                        + " FROM generate_series(1, 2000) g",
                "INSERT INTO orders (customer, total, paid, data) SELECT 1 + g % 2000, g * 0.37, g % 3 = 0,"
                        + " jsonb_build_object('n', g) FROM generate_series(1, 5000) g",
                "ANALYZE");
    }

    @AfterAll
    void stop() {
        for (AutoCloseable server : new AutoCloseable[] {source, target, redis}) {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (Exception e) {
                System.err.println("could not stop a test server: " + e.getMessage());
            }
        }
        // the image stays: removing it would also remove its untagged JRE layer, and the next run would install
        // the JRE again (about 30 s); the next run removes it once its own build has reused that layer
    }

    /** Earlier runs' images (another jar); only their jar layers go, the JRE layer is shared with this run's. */
    private void removeEarlierBuilds() {
        Result list = engine("images", "--format", "{{.Repository}}:{{.Tag}}", "--filter", "reference=" + REPOSITORY);
        list.output().lines().map(String::strip).filter(ref -> ref.startsWith(REPOSITORY + ":"))
                .filter(ref -> !ref.equals(image)).forEach(ref -> engine("rmi", ref));
    }

    @Test
    void image_nonRootJavaEntrypointPlainOutputAndNoSecret() {
        Result config = engine("image", "inspect", image, "--format",
                "{{.Config.User}}|{{json .Config.Entrypoint}}|{{json .Config.Env}}");

        assertThat(config.exitCode()).as(config.output()).isZero();
        String[] parts = config.output().strip().split("\\|");
        assertThat(parts[0]).isEqualTo("10001:10001");
        assertThat(parts[1]).startsWith("[\"java\",").endsWith("\"-jar\",\"" + MoverImage.JAR_PATH + "\"]");
        assertThat(parts[2]).contains("\"CI=true\"", "\"NO_COLOR=1\"").doesNotContainIgnoringCase("password")
                .doesNotContain("_URL=");
    }

    @Test
    void image_pgDumpAtLeastTheSourceServersMajor() throws Exception {
        Result version = engine("run", "--rm", "--entrypoint", "pg_dump", image, "--version");

        assertThat(version.exitCode()).as(version.output()).isZero();
        int tools = Integer.parseInt(version.output().replaceAll("(?s).*\\(PostgreSQL\\) (\\d+).*", "$1"));
        try (Connection c = source.connect("app"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            assertThat(tools).isGreaterThanOrEqualTo(rs.getInt(1) / 10000);
        }
    }

    @Test
    void postgres_targetPasswordFromPgpassword_copiesVerifiesInPlainLines() throws Exception {
        String database = target.newDatabase("rds");
        Result run = mover(DataKind.POSTGRES, 2, false, source.url("app"), noPassword(database));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains(" * Plan: copy postgres://ferry:***@127.0.0.1:" + source.port() + "/app to"
                        + " postgres://ferry:***@127.0.0.1:" + target.port() + "/" + database)
                .contains(" * copied public.customers: ").contains(" * copied public.orders: ")
                .contains(" * Verified: ");
        assertPlainAndSecretFree(run);
        try (Connection c = target.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM customers), (SELECT sum(total) FROM orders),"
                     + " nextval('customers_id_seq')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2000);
            assertThat(rs.getString(2)).isEqualTo("4625925.00");
            assertThat(rs.getLong(3)).isEqualTo(2001);
        }
    }

    @Test
    void postgres_nonEmptyTargetWithoutForce_exit2WithTheListing() throws Exception {
        String database = target.newDatabase("busy");
        target.execute(database, "CREATE TABLE precious (x int)", "INSERT INTO precious VALUES (1)");

        Result run = mover(DataKind.POSTGRES, 1, false, source.url("app"), noPassword(database));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.output()).contains("is not empty: table public.precious").contains("--force");
        assertPlainAndSecretFree(run);
        try (Connection c = target.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM precious")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void redis_copiesAndVerifies() throws Exception {
        redis.send(List.of("SELECT", "5"), List.of("SET", "greeting", "hello"), List.of("RPUSH", "queue", "a", "b"),
                List.of("HSET", "user:1", "name", "ada"), List.of("SADD", "seen", "x", "y"),
                List.of("ZADD", "rank", "1", "one"), List.of("PEXPIRE", "greeting", "600000"));

        Result run = mover(DataKind.REDIS, 1, false, redis.url(5), redis.url(6));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains(" * Verified: ");
        assertPlainAndSecretFree(run);
        String replies = redis.send(List.of("SELECT", "6"), List.of("DBSIZE"), List.of("PTTL", "greeting"),
                List.of("LRANGE", "queue", "0", "-1"));
        // AUTH and SELECT, then: five keys, the TTL carried over, the list in order
        assertThat(replies).matches("(?s)\\+OK\r\n\\+OK\r\n:5\r\n:[1-9]\\d*\r\n\\*2\r\n\\$1\r\na\r\n\\$1\r\nb\r\n");
    }

    /**
     * The task's run: MoverCommand's arguments; the URLs and PGPASSWORD reach the container only by name. 512 MiB is
     * the smallest Fargate task's memory: the JVM and pg_dump/pg_restore must fit in it.
     */
    private Result mover(DataKind kind, int jobs, boolean force, String sourceUrl, String targetUrl) {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--network", "host", "--memory", "512m",
                "-e", MoverCommand.SOURCE_URL_ENV, "-e", MoverCommand.TARGET_URL_ENV, "-e", MoverCommand.PASSWORD_ENV,
                image));
        args.addAll(MoverCommand.command(kind, jobs, force));
        return engine(Map.of(MoverCommand.SOURCE_URL_ENV, sourceUrl, MoverCommand.TARGET_URL_ENV, targetUrl,
                MoverCommand.PASSWORD_ENV, PgTestServer.PASSWORD), args.toArray(String[]::new));
    }

    /** The target as the task gets it: RDS's URL has no password; PGPASSWORD carries it. */
    private String noPassword(String database) {
        return "postgres://" + PgTestServer.USER + "@127.0.0.1:" + target.port() + "/" + database;
    }

    /** What CloudWatch would show: plain lines, no JVM or logging noise, no password in any form. */
    private static void assertPlainAndSecretFree(Result run) {
        String out = run.output();
        for (String secret : List.of(PgTestServer.PASSWORD, RedisTestServer.PASSWORD)) {
            assertThat(out).doesNotContain(secret).doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
        assertThat(out).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("SLF4J")
                .doesNotContain("WARNING:").doesNotContain("Exception");
        assertThat(out.lines()).allMatch(line -> line.startsWith(" * ") || line.startsWith("     - ")
                || line.startsWith("ferry: ") || line.startsWith("  "), "a step, a listed item or an error line");
    }

    private Result engine(String... args) {
        return engine(Map.of(), args);
    }

    private Result engine(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(engine.executable().toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private record Result(int exitCode, String output) {
    }
}
