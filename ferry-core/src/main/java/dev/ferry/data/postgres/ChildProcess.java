package dev.ferry.data.postgres;

import dev.ferry.FerryException;
import dev.ferry.data.ConnectionUrl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * pg_dump or pg_restore while it runs: started with its whole environment given (the password is in PGPASSWORD,
 * never in the arguments), stderr read line by line into a listener and a short tail for the error message, killed
 * with its children on {@link #close} and when the JVM exits (Ctrl-C), so that nothing keeps writing after ferry
 * stopped.
 */
final class ChildProcess implements AutoCloseable {

    private static final int TAIL_LINES = 12;

    private final String name;
    private final ConnectionUrl url;
    private final Process process;
    private final Thread stderrReader;
    private final Thread killOnExit;
    private final Deque<String> tail = new ArrayDeque<>();

    private ChildProcess(String name, ConnectionUrl url, Process process, Consumer<String> stderrLines) {
        this.name = name;
        this.url = url;
        this.process = process;
        this.stderrReader = new Thread(() -> readStderr(stderrLines), name + "-stderr");
        this.stderrReader.setDaemon(true);
        this.stderrReader.start();
        this.killOnExit = new Thread(this::kill, name + "-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * @param url the endpoint the program connects to, for scrubbing its messages
     * @param pipeStdout whether stdout is a pipe for the caller (else discarded)
     * @param pipeStdin whether stdin is a pipe from the caller (else /dev/null)
     */
    static ChildProcess start(List<String> command, Map<String, String> env, ConnectionUrl url, boolean pipeStdout,
                              boolean pipeStdin, Consumer<String> stderrLines) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        if (!pipeStdout) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        if (!pipeStdin) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        String name = java.nio.file.Path.of(command.get(0)).getFileName().toString();
        try {
            return new ChildProcess(name, url, builder.start(), stderrLines);
        } catch (IOException e) {
            throw FerryException.environment("could not start " + name + ": " + e.getMessage(),
                    "install the PostgreSQL client, or set FERRY_PG_BIN to its bin folder");
        }
    }

    Process process() {
        return process;
    }

    /** Waits for the end; a non-zero exit is a failure quoting the last lines of stderr (scrubbed). */
    void awaitSuccess() {
        try {
            int code = process.waitFor();
            stderrReader.join(5000);
            if (code != 0) {
                throw FerryException.failed(name + " failed (exit " + code + ")" + tailText(),
                        "fix the cause above and run again; with --resume ferry finishes the recorded run", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw FerryException.failed(name + " interrupted", null, e);
        }
    }

    /** The last stderr lines, scrubbed, as ": line1 / line2" or "" when there were none. */
    synchronized String tailText() {
        return tail.isEmpty() ? "" : ": " + String.join(" / ", tail);
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run; nothing to remove
        }
    }

    private void kill() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private void readStderr(Consumer<String> listener) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String clean = url.scrub(line);
                listener.accept(clean);
                if (!clean.contains(": processing ") && !clean.contains(": creating ")
                        && !clean.contains(": launching ") && !clean.contains(": finished ")
                        && !clean.contains(": executing ")) {
                    remember(clean);
                }
            }
        } catch (IOException e) {
            remember("(stderr unreadable: " + e.getMessage() + ")");
        }
    }

    private synchronized void remember(String line) {
        tail.addLast(line.strip());
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
    }
}
