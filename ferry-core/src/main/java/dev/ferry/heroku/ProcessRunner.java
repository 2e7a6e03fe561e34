package dev.ferry.heroku;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs a program to completion; an interface so that tests can choose the program and its environment. */
@FunctionalInterface
public interface ProcessRunner {

    /** What a finished program left behind. */
    record Result(int exitCode, String stdout, String stderr) {}

    /**
     * Runs {@code command} with {@code environment} as its whole environment and no input.
     *
     * @throws IOException when the program cannot be started (e.g. it is not installed)
     * @throws java.util.concurrent.TimeoutException when it does not finish within {@code timeout}; it is killed
     */
    Result run(List<String> command, Map<String, String> environment, Duration timeout) throws Exception;

    /** The real thing, on {@link ProcessBuilder}. */
    ProcessRunner SYSTEM = new SystemProcessRunner();
}
