package dev.ferry.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ferry.FerryException;
import dev.ferry.build.engine.BuildRecords;
import dev.ferry.build.engine.CliImageBuilder;
import dev.ferry.build.engine.Engine;
import dev.ferry.build.engine.EngineLocator;
import dev.ferry.event.FerryEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real builds: a fixture app without a Dockerfile is planned, built by the local engine (pull disabled: the base
 * images are local stand-ins, see .ci/podman), run with PORT set, and must answer HTTP on it, run as a non-root
 * user and pass ferry's web healthcheck (curl inside the container). Fails, never skips, without an engine.
 *
 * <p>Run: {@code mvn -o -pl ferry-core test -Dtest='dev.ferry.build.*IT' -DexcludedGroups=none}
 */
@Tag("engine")
class EngineBuildIT {

    static final Path APPS = Path.of("src/test/resources/build/apps");
    private static Engine engine;

    @BeforeAll
    static void locateEngine() {
        try {
            engine = EngineLocator.fromSystem().locate();
        } catch (FerryException e) {
            fail("these tests need Podman or Docker (CI=" + System.getenv("CI") + "): " + e.getMessage()
                    + "; set it up with .ci/podman");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"node-express, hello from node, express 4.21.2", "java-maven, hello from java, ''",
        "python-plain, hello from python, ''"})
    void build_appWithoutDockerfile_imageAnswersOnPort(String app, String greeting, String alsoExpected,
                                                       @TempDir Path dir) throws Exception {
        Path context = copyApp(app, dir);
        Path compose = dir.resolve("compose.yaml");
        Files.writeString(compose, "services:\n  web:\n    build: ./" + app + "\n    image: ferry-it/" + app
                + ":test\n");
        List<FerryEvent> events = new ArrayList<>();

        ServiceBuilds builds = new ServiceBuilds(new BuildPlanner(),
                () -> new CliImageBuilder(engine, new BuildRecords(dir.resolve("records"))));

        List<BuiltImage> built = builds.build(compose, List.of("web"), PullPolicy.NEVER, events::add);

        assertThat(built).hasSize(1);
        assertThat(built.get(0).id()).isNotBlank();
        assertThat(events).as("build steps reported").anyMatch(e -> e instanceof FerryEvent.Progress);
        assertThat(context.resolve("Dockerfile")).as("ferry writes nothing into the context").doesNotExist();
        events.clear();
        List<BuiltImage> again = builds.build(compose, List.of("web"), PullPolicy.NEVER, events::add);
        assertThat(again.get(0).id()).as("nothing changed: the same image").isEqualTo(built.get(0).id());
        assertThat(events).as("and no engine build").noneMatch(e -> e instanceof FerryEvent.Progress);
        events.clear();
        Files.writeString(context.resolve("added-by-test.txt"), "a changed build context\n");
        List<BuiltImage> changed = builds.build(compose, List.of("web"), PullPolicy.NEVER, events::add);
        assertThat(changed.get(0).id()).as("a changed context: a new image").isNotEqualTo(built.get(0).id());
        assertThat(events).as("built by the engine").anyMatch(e -> e instanceof FerryEvent.Progress);
        Files.delete(context.resolve("added-by-test.txt"));
        List<BuiltImage> reverted = builds.build(compose, List.of("web"), PullPolicy.NEVER, e -> { });
        assertThat(reverted.get(0).id()).as("back to the first context: the engine's cached image")
                .isEqualTo(built.get(0).id());
        events.clear();
        builds.build(compose, List.of("web"), PullPolicy.NEVER, events::add);
        assertThat(events).as("a cached rebuild is recorded too: up to date again")
                .noneMatch(e -> e instanceof FerryEvent.Progress);
        int port = freePort();
        String container = run("run", "-d", "-e", "PORT=8080", "-p", "127.0.0.1:" + port + ":8080",
                "ferry-it/" + app + ":test").strip();
        try {
            String body = awaitHttp("http://127.0.0.1:" + port + "/", Duration.ofSeconds(90), container);
            assertThat(body).contains(greeting).contains(alsoExpected);
            assertThat(run("exec", container, "id", "-u").strip()).as("runs as a non-root user").isEqualTo("10001");
            run("exec", container, "sh", "-c", "curl -s -o /dev/null http://127.0.0.1:$PORT/");
        } finally {
            run("rm", "-f", container);
        }
    }

    private static Path copyApp(String app, Path dir) throws IOException {
        Path source = APPS.resolve(app);
        Path target = dir.resolve(app);
        try (var files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }

    private static String awaitHttp(String url, Duration timeout, String container) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                return response.body();
            } catch (IOException e) {
                last = e;
                Thread.sleep(500);
            }
        }
        throw new AssertionError("no HTTP answer on " + url + " within " + timeout + "; container logs:\n"
                + run("logs", container), last);
    }

    /** Runs the engine's CLI; fails the test with its output when it fails. */
    static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(engine.executable().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
