package dev.ferry.build.engine;

import dev.ferry.FerryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a container engine that answers: tries podman and docker in an order that respects what the environment
 * asks for (FERRY_ENGINE, CONTAINER_HOST, DOCKER_HOST), and when none works says why each failed.
 */
public final class EngineLocator {

    private static final long PROBE_SECONDS = 30;

    private final Map<String, String> environment;

    public EngineLocator(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The locator for this process's environment. */
    public static EngineLocator fromSystem() {
        return new EngineLocator(System.getenv());
    }

    /** @throws FerryException ENVIRONMENT listing why each engine could not be used */
    public Engine locate() {
        List<String> reasons = new ArrayList<>();
        for (Engine.Kind kind : order()) {
            Optional<Path> executable = onPath(kind.command());
            if (executable.isEmpty()) {
                reasons.add(kind.command() + ": not installed (not on PATH)");
                continue;
            }
            Engine engine = new Engine(kind, executable.get(), environment);
            Optional<String> problem = probe(engine);
            if (problem.isEmpty()) {
                return engine;
            }
            reasons.add(kind.command() + ": " + problem.get());
        }
        throw FerryException.environment("no container engine to build with (" + String.join("; ", reasons) + ")",
                "install Podman or Docker and make sure it runs (DOCKER_HOST or CONTAINER_HOST may point to a"
                        + " remote engine); choose one with FERRY_ENGINE=podman|docker");
    }

    /** FERRY_ENGINE alone if set; else the engine a *_HOST variable points at first; else podman, then docker. */
    List<Engine.Kind> order() {
        String chosen = environment.getOrDefault("FERRY_ENGINE", "").trim().toLowerCase(Locale.ROOT);
        for (Engine.Kind kind : Engine.Kind.values()) {
            if (kind.command().equals(chosen)) {
                return List.of(kind);
            }
        }
        if (environment.containsKey("DOCKER_HOST") && !environment.containsKey("CONTAINER_HOST")) {
            return List.of(Engine.Kind.DOCKER, Engine.Kind.PODMAN);
        }
        return List.of(Engine.Kind.PODMAN, Engine.Kind.DOCKER);
    }

    private Optional<Path> onPath(String command) {
        for (String dir : environment.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, command);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Asks the engine for its version: the server's for docker and remote Podman (fails when the daemon or socket
     * cannot be reached), the client's for local Podman, which has no daemon (and `podman info` costs a second).
     */
    private static Optional<String> probe(Engine engine) {
        boolean local = engine.kind() == Engine.Kind.PODMAN && !engine.environment().containsKey("CONTAINER_HOST");
        List<String> command = List.of(engine.executable().toString(), "version", "--format",
                local ? "{{.Client.Version}}" : "{{.Server.Version}}");
        StringBuilder output = new StringBuilder();
        try {
            int code = ProcessRunner.run(command, engine.environment(), PROBE_SECONDS,
                    line -> output.append(line).append('\n'));
            if (code == 0) {
                return Optional.empty();
            }
            String last = output.toString().strip().lines().reduce((a, b) -> b).orElse("no output");
            return Optional.of(code == -1 ? "did not answer within " + PROBE_SECONDS + " s" : "not running (" + last + ")");
        } catch (IOException e) {
            return Optional.of("could not be started (" + e.getMessage() + ")");
        }
    }
}
