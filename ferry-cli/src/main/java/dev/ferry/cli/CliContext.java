package dev.ferry.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a command may touch of the outside world: the streams, the environment, the working folder and the
 * terminal. Tests build their own; {@link #system} is the real one.
 *
 * @param out the product (YAML, JSON, tables)
 * @param err diagnostics and progress
 * @param in standard input (for piped secrets)
 * @param env the environment variables
 * @param workDir the folder relative paths are resolved against
 * @param terminalAttached whether a person is at a terminal (stdin and stdout are both a tty)
 * @param prompter opens the interactive prompter; only called when prompting is allowed
 */
public record CliContext(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path workDir,
                         boolean terminalAttached, Supplier<Prompter> prompter) {

    public static CliContext system(PrintStream out, PrintStream err) {
        return new CliContext(out, err, System.in, System.getenv(), Path.of("").toAbsolutePath(),
                System.console() != null, JLinePrompter::system);
    }

    public Path resolve(Path path) {
        return workDir.resolve(path).normalize();
    }

    /**
     * A message with paths under the working folder shown relative to it, as the user typed them: the core works
     * with absolute paths (the JVM cannot change folder), people read "app/Procfile:2".
     */
    public String shorten(String message) {
        String prefix = workDir.toAbsolutePath().normalize() + "/";
        return prefix.equals("/") ? message : message.replace(prefix, "");
    }

    /** Whether ferry may ask questions: a terminal, not CI, and not --non-interactive. */
    public boolean interactive(CommonOptions options) {
        return terminalAttached && !options.nonInteractive && !"true".equalsIgnoreCase(env.getOrDefault("CI", ""));
    }

    /** Colour only on a terminal, never with NO_COLOR set (https://no-color.org) or --no-color. */
    public boolean color(CommonOptions options) {
        return terminalAttached && !options.noColor && env.getOrDefault("NO_COLOR", "").isEmpty();
    }
}
