package dev.ferry.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Runs {@link FerryCli} in a folder with an environment of the test's choosing, capturing both streams. */
final class CliRunner {

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final Path workDir;
    private final Map<String, String> env = new HashMap<>();
    private boolean terminal;
    private byte[] stdin = new byte[0];
    private Supplier<Prompter> prompter = () -> {
        throw new AssertionError("the command tried to prompt in a non-interactive test");
    };

    CliRunner(Path workDir) {
        this.workDir = workDir;
        env.put("HOME", workDir.resolve("home").toString()); // never the real ~/.netrc
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    CliRunner env(Map<String, String> variables) {
        env.putAll(variables);
        return this;
    }

    /** What the command reads from standard input (a piped secret). */
    CliRunner stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** As if a person sat at a terminal answering through {@code prompter}. */
    CliRunner atTerminal(Supplier<Prompter> prompter) {
        this.terminal = true;
        this.prompter = prompter;
        return this;
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(stdin),
                Map.copyOf(env), workDir.toAbsolutePath(), terminal, prompter);
        int code = FerryCli.run(context, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
