package dev.ferry.build.engine;

import dev.ferry.FerryException;
import dev.ferry.build.BuildRequest;
import dev.ferry.build.BuiltImage;
import dev.ferry.build.ImageBuilder;
import dev.ferry.build.PullPolicy;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds with the engine's command line ({@code podman build} or {@code docker build}). The Dockerfile is written
 * to a temporary folder outside the build context, so ferry never writes into the user's source for a build. The
 * engine's own DOCKER_HOST / CONTAINER_HOST handling applies, since the environment passes through unchanged.
 */
public final class CliImageBuilder implements ImageBuilder {

    private static final long BUILD_TIMEOUT_SECONDS = 3600;

    private final Engine engine;
    private final BuildRecords records;

    /** A builder keeping its records of past builds in the user's cache folder. */
    public CliImageBuilder(Engine engine) {
        this(engine, BuildRecords.inUserCache(engine.environment()));
    }

    public CliImageBuilder(Engine engine, BuildRecords records) {
        this.engine = engine;
        this.records = records;
    }

    /** A builder over the first engine that answers in this process's environment. */
    public static CliImageBuilder locate() {
        return new CliImageBuilder(EngineLocator.fromSystem().locate());
    }

    public Engine engine() {
        return engine;
    }

    @Override
    public BuiltImage build(BuildRequest request, EventSink events) {
        long started = System.nanoTime();
        String digest = ContextDigest.of(request.context(), request.dockerfile());
        boolean mayReuse = !request.noCache() && request.pull() != PullPolicy.ALWAYS;
        Optional<String> current = mayReuse ? unchangedImage(request.tags(), digest) : Optional.empty();
        if (current.isPresent()) {
            events.emit(new FerryEvent.Step(request.label() + " is up to date (nothing in its build context or"
                    + " Dockerfile changed)"));
            return new BuiltImage(request.tags(), current.get(), Duration.ofNanos(System.nanoTime() - started));
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("ferry-build-");
            Path dockerfile = work.resolve("Dockerfile");
            Files.writeString(dockerfile, request.dockerfile(), StandardCharsets.UTF_8);
            Path idFile = work.resolve("image-id");
            events.emit(new FerryEvent.Step("Building " + request.label() + " with " + engine.kind().command()
                    + " (" + String.join(", ", request.tags()) + ")"));
            BuildOutput output = new BuildOutput();
            int code = ProcessRunner.run(command(request, dockerfile, idFile), environment(), BUILD_TIMEOUT_SECONDS,
                    line -> {
                        output.accept(line).ifPresent(step -> events.emit(new FerryEvent.Progress(
                                request.label() + ": " + step.instruction(), step.number(), step.total())));
                        events.emit(new FerryEvent.Detail(line));
                    });
            if (code != 0) {
                String where = output.current().map(s -> " at step " + s.number() + "/" + s.total() + " ("
                        + s.instruction() + ")").orElse("");
                throw FerryException.failed("building " + request.label() + " failed" + where
                                + (code == -1 ? ": timed out" : "") + "; the engine's last lines:\n" + output.tail(),
                        "fix the app or the plan (`ferry build plan " + request.label() + " --eject` lets you edit"
                                + " the Dockerfile), then run `ferry build " + request.label() + "` again", null);
            }
            String id = Files.exists(idFile) ? bareId(Files.readString(idFile)) : "";
            if (!id.isEmpty()) {
                records.write(engine, request.tags(), new BuildRecords.Entry(digest, id));
            }
            return new BuiltImage(request.tags(), id, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw FerryException.environment(engine.kind().command() + " could not be run: " + e.getMessage(),
                    "check that " + engine.executable() + " works");
        } finally {
            deleteQuietly(work);
        }
    }

    /**
     * The image id when the last build of these tags was from {@code digest} and every tag still names the image
     * it made; empty otherwise. A digest that differs from the record needs no engine call at all.
     */
    private Optional<String> unchangedImage(List<String> tags, String digest) {
        Optional<BuildRecords.Entry> last = records.read(engine, tags).filter(e -> e.digest().equals(digest));
        if (last.isEmpty()) {
            return Optional.empty();
        }
        for (String tag : tags) {
            List<String> output = new ArrayList<>();
            try {
                int code = ProcessRunner.run(List.of(engine.executable().toString(), "image", "inspect", "--format",
                        "{{.Id}}", tag), environment(), 60, output::add);
                if (code != 0 || output.isEmpty() || !bareId(output.get(0)).equals(last.get().imageId())) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(last.get().imageId());
    }

    List<String> command(BuildRequest request, Path dockerfile, Path idFile) {
        List<String> command = new ArrayList<>(List.of(engine.executable().toString(), "build",
                "-f", dockerfile.toString(), "--iidfile", idFile.toString()));
        if (engine.kind() == Engine.Kind.PODMAN) {
            command.add("--layers");
            command.add("--pull=" + request.pull().name().toLowerCase(Locale.ROOT));
        } else if (request.pull() == PullPolicy.ALWAYS) {
            command.add("--pull");
        }
        if (request.noCache()) {
            command.add("--no-cache");
        }
        for (String tag : request.tags()) {
            command.add("-t");
            command.add(tag);
        }
        command.add(request.context().toString());
        return command;
    }

    /**
     * The engine's environment. The docker CLI talking to Podman's Docker-compatible socket needs the classic
     * builder (Podman's API has no BuildKit session), so it is chosen unless the user chose otherwise.
     */
    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(engine.environment());
        if (engine.kind() == Engine.Kind.DOCKER && env.getOrDefault("DOCKER_HOST", "").contains("podman")) {
            env.putIfAbsent("DOCKER_BUILDKIT", "0");
        }
        return env;
    }

    /** Image ids without the "sha256:" that iid files and docker's inspect carry and podman's inspect does not. */
    private static String bareId(String id) {
        String trimmed = id.strip();
        return trimmed.startsWith("sha256:") ? trimmed.substring("sha256:".length()) : trimmed;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
