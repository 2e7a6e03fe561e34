package dev.ferry.provider.local;

import dev.ferry.FerryException;
import dev.ferry.build.engine.Engine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The container engine's command line (podman or docker; DOCKER_HOST / CONTAINER_HOST pass through in the
 * engine's environment). Arguments never carry an environment value: those go through an --env-file.
 */
class EngineCli {

    /** What one command returned. */
    record Result(int exitCode, String out, String err) {
        boolean ok() {
            return exitCode == 0;
        }

        /** The last non-empty line of stderr (else stdout): what the engine said went wrong. */
        String problem() {
            String text = err.isBlank() ? out : err;
            return text.strip().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no output");
        }
    }

    private final Engine engine;

    EngineCli(Engine engine) {
        this.engine = engine;
    }

    Engine engine() {
        return engine;
    }

    boolean isPodman() {
        return engine.kind() == Engine.Kind.PODMAN;
    }

    /** Runs {@code args} and waits at most {@code timeout}; a timeout is a failure naming the command. */
    Result run(List<String> args, Duration timeout) {
        Process process = start(args, false);
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw FerryException.failed(engine.kind().command() + " " + args.get(0) + " did not finish within "
                        + timeout.toSeconds() + " s", "check the engine with `" + engine.kind().command() + " info`", null);
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw FerryException.failed("interrupted", null, e);
        }
    }

    /** Runs {@code args}; a non-zero exit is a FAILED naming {@code what} and the engine's own words. */
    Result check(String what, List<String> args, Duration timeout) {
        Result result = run(args, timeout);
        if (!result.ok()) {
            throw FerryException.failed(what + ": " + result.problem(), "run again with --debug for the engine's output", null);
        }
        return result;
    }

    /** Starts {@code args} and hands each output line (stdout and stderr merged) to {@code lines} on a new thread. */
    Process stream(List<String> args, Consumer<String> lines) {
        Process process = start(args, true);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // the process was stopped: nothing more to read
            }
        }, "ferry-logs-" + args.get(args.size() - 1));
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private Process start(List<String> args, boolean mergeErr) {
        List<String> command = new ArrayList<>();
        command.add(engine.executable().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(mergeErr);
        builder.environment().clear();
        builder.environment().putAll(engine.environment());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw FerryException.environment(engine.kind().command() + " could not be started: " + e.getMessage(),
                    "install Podman or Docker, or fix PATH");
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
