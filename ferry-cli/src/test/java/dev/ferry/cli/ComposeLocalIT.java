package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ferry.FerryException;
import dev.ferry.build.engine.Engine;
import dev.ferry.build.engine.EngineLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * `ferry compose up` end to end on the machine's engine (Podman here), on the tutorial's shape: managed Postgres and
 * Redis, a release that migrates, a web process that reads Postgres, a worker that consumes Redis jobs. Images are
 * never pulled: run /work/shared/container/podman-setup.sh and standin-images.sh node:20-slim postgres:17 redis:7
 * first. A missing engine or image fails these tests; it never skips them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class ComposeLocalIT {

    private static final String PASSWORD = "it-pg-" + Long.toHexString(System.nanoTime());
    /** A project of its own, so that two runs on one machine (a checkout and a worktree) never touch each other. */
    private static final String PROJECT = "ferry-it-" + Long.toHexString(System.nanoTime() & 0xffffffL);
    private static final List<String> IMAGES = List.of("node:20-slim", "postgres:17", "redis:7");

    private Path dir;
    private Engine engine;
    private int webPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void engineAndApp() throws IOException, URISyntaxException {
        try {
            engine = new EngineLocator(System.getenv()).locate();
        } catch (FerryException e) {
            fail("these tests need a container engine: run ../shared/container/podman-setup.sh (" + e.getMessage() + ")");
        }
        for (String image : IMAGES) {
            assertThat(engine("image", "inspect", image).exitCode)
                    .as(image + " is missing: run ../shared/container/standin-images.sh " + String.join(" ", IMAGES))
                    .isZero();
        }
        dir = Files.createTempDirectory("ferry-compose-it");
        Path fixture = Path.of(ComposeLocalIT.class.getResource("/compose-apps/tutorial/compose.yaml").toURI()).getParent();
        try (Stream<Path> files = Files.list(fixture)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        Path compose = dir.resolve("compose.yaml");
        Files.writeString(compose, Files.readString(compose).replace("name: ferry-it-tutorial\n", "name: " + PROJECT + "\n"));
        try (ServerSocket socket = new ServerSocket(0)) {
            webPort = socket.getLocalPort();
        }
    }

    @AfterAll
    void cleanUp() {
        if (dir != null) {
            CliRunner.Run down = cli().run("compose", "down", "--volumes");
            assertThat(down.exitCode()).as(down.all()).isZero();
            for (String service : List.of("release", "web", "worker")) {
                engine("rmi", "--force", PROJECT + "-" + service); // the run's own tags; shared layers stay
            }
        }
    }

    private CliRunner cli() {
        return cli(Map.of());
    }

    private CliRunner cli(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        env.put("WEB_PORT", String.valueOf(webPort));
        for (String name : List.of("DOCKER_HOST", "CONTAINER_HOST", "FERRY_ENGINE", "XDG_RUNTIME_DIR")) {
            if (System.getenv(name) != null) {
                env.put(name, System.getenv(name));
            }
        }
        env.putAll(extra);
        return new CliRunner(dir).env(env);
    }

    @Test
    @Order(1)
    void up_missingConfigValue_refusesWithTheNamesAndStartsNothing() {
        CliRunner.Run run = cli().run("compose", "up", "--pull", "never");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("ferry: no value in the config store for POSTGRES_PASSWORD",
                "ferry config set POSTGRES_PASSWORD");
        assertThat(containerNames()).isEmpty();
    }

    @Test
    @Order(2)
    void up_failingRelease_stopsBeforeWebWithItsLogs() {
        assertThat(cli().run("config", "set", "POSTGRES_PASSWORD=" + PASSWORD).exitCode()).isZero();
        CliRunner.Run run = cli(Map.of("FAIL_RELEASE", "yes")).run("compose", "up", "--pull", "never");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("| migration 002 failed: column \"broken\" does not exist",
                "ferry: release exited with code 1; the rollout stopped before starting the services that wait for it");
        assertThat(containerNames()).contains(PROJECT + "-release-1", PROJECT + "-postgres-1")
                .doesNotContain(PROJECT + "-web-1", PROJECT + "-worker-1");
        assertThat(run.all()).doesNotContain(PASSWORD);
    }

    @Test
    @Order(3)
    void up_tutorialShape_webReadsPostgresAndWorkerConsumesRedis() throws Exception {
        CliRunner.Run run = cli().run("compose", "up", "--pull", "never");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("web: http://localhost:" + webPort);
        assertThat(run.err()).contains("release  | migrations applied", "web       healthy");
        assertThat(run.all()).doesNotContain(PASSWORD);
        assertThat(get("/")).isEqualTo("visits: 1");
        assertThat(get("/jobs/first-job")).isEqualTo("queued");
        assertThat(eventually("/done", "first-job")).isEqualTo("first-job");
    }

    @Test
    @Order(4)
    void up_again_changesNothing() {
        String webId = containerId(PROJECT + "-web-1");
        CliRunner.Run run = cli().run("compose", "up", "--pull", "never");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.err()).contains("release   already completed with this config", "web       up to date",
                "postgres  up to date", "worker    up to date");
        assertThat(containerId(PROJECT + "-web-1")).isEqualTo(webId);
        CliRunner.Run plan = cli().run("compose", "plan");
        assertThat(plan.exitCode()).as(plan.all()).isZero();
        assertThat(plan.out()).containsPattern("keep +web +up to date").containsPattern("keep +release +already completed");
    }

    @Test
    @Order(5)
    void psAndLogs_showEveryService() {
        CliRunner.Run ps = cli().run("compose", "ps");
        assertThat(ps.exitCode()).as(ps.all()).isZero();
        assertThat(ps.out()).contains("SERVICE", "HEALTH").containsPattern("redis +" + PROJECT + "-redis-1 +running +healthy")
                .containsPattern("web +" + PROJECT + "-web-1 +running +healthy +0\\.0\\.0\\.0:"
                + webPort + "->5000/tcp").containsPattern("release +" + PROJECT + "-release-1 +exited \\(0\\)");
        CliRunner.Run logs = cli().run("compose", "logs", "--tail", "20", "worker");
        assertThat(logs.exitCode()).as(logs.all()).isZero();
        assertThat(logs.out()).contains("worker   | done first-job").doesNotContain("web      |");
    }

    @Test
    @Order(6)
    void downThenUp_keepsTheDatabase() throws Exception {
        // logs --follow streams until the containers go away: down ends it
        java.util.concurrent.CompletableFuture<CliRunner.Run> follow = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> cli().run("compose", "logs", "--follow", "web"));
        Thread.sleep(3000);
        assertThat(follow).isNotDone();
        CliRunner.Run down = cli().run("compose", "down");
        assertThat(down.exitCode()).as(down.all()).isZero();
        assertThat(containerNames()).isEmpty();
        CliRunner.Run followed = follow.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(followed.exitCode()).as(followed.all()).isZero();
        assertThat(followed.out()).contains("web      | web listening on 5000");
        assertThat(engine("volume", "inspect", PROJECT + "_postgres-data").exitCode).isZero();
        CliRunner.Run up = cli().run("compose", "up", "--pull", "never");
        assertThat(up.exitCode()).as(up.all()).isZero();
        assertThat(get("/")).isEqualTo("visits: 2");
        assertThat(get("/done")).isEqualTo("first-job");
    }

    @Test
    @Order(7)
    void up_busyPort_namesThePortAndTheLineBeforeStartingAnything() throws IOException {
        assertThat(cli().run("compose", "down").exitCode()).isZero();
        try (ServerSocket busy = new ServerSocket(webPort)) {
            CliRunner.Run run = cli().run("compose", "up", "--pull", "never");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains("ferry: compose.yaml:45: port " + webPort
                    + " of service web is already in use on this machine");
            assertThat(containerNames()).isEmpty();
        }
    }

    @Test
    @Order(8)
    void up_engineNotRunning_isAnEnvironmentError() {
        CliRunner.Run run = cli(Map.of("FERRY_ENGINE", "docker", "DOCKER_HOST", "unix:///nonexistent/docker.sock"))
                .run("compose", "up", "--pull", "never");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err()).contains("ferry: no container engine to run the app on (docker: ");
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The worker is asynchronous: ask until the answer holds {@code expected}, at most 30 s. */
    private String eventually(String path, String expected) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        String body = get(path);
        while (!body.contains(expected) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            body = get(path);
        }
        return body;
    }

    private List<String> containerNames() {
        Result result = engine("ps", "-a", "--filter", "label=dev.ferry.project=" + PROJECT, "--format", "{{.Names}}");
        assertThat(result.exitCode).as(result.out).isZero();
        return result.out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private String containerId(String name) {
        Result result = engine("inspect", "--format", "{{.Id}}", name);
        assertThat(result.exitCode).as(result.out).isZero();
        return result.out.strip();
    }

    private record Result(int exitCode, String out) {}

    private Result engine(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(engine.executable().toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
