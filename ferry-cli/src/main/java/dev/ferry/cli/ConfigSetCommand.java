package dev.ferry.cli;

import dev.ferry.FerryException;
import dev.ferry.compose.load.DotEnv;
import dev.ferry.provider.ConfigStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferry config set NAME[=VALUE]}: the value from the argument, a hidden prompt, stdin, or --env-file. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Set a config value. Without =VALUE: a hidden prompt on a terminal, else standard input.",
                "  ferry config set SECRET_KEY_BASE            (prompts)",
                "  printf %%s \"$VALUE\" | ferry config set NAME",
                "  ferry config set --env-file secrets.env     (every NAME=value line)"})
final class ConfigSetCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ConfigOptions config;

    @Parameters(paramLabel = "NAME[=VALUE]", arity = "0..1", description = "The name, optionally with its value.")
    String assignment;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Set every NAME=value of this file.")
    Path envFile;

    private final CliContext context;

    ConfigSetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigStore store = config.store(context);
        Map<String, String> values;
        if (envFile != null) {
            if (assignment != null) {
                throw FerryException.badInput("give either NAME[=VALUE] or --env-file, not both", "ferry config set --env-file FILE");
            }
            Path file = context.resolve(envFile);
            if (!Files.isRegularFile(file)) {
                throw FerryException.badInput(envFile.toString(), 0, "no such file", "check the path given to --env-file");
            }
            values = DotEnv.read(file);
            if (values.isEmpty()) {
                throw FerryException.badInput(envFile.toString(), 0, "no NAME=value lines", "write one NAME=value per line");
            }
        } else if (assignment == null) {
            throw FerryException.badInput("ferry config set needs a NAME", "ferry config set NAME[=VALUE], or --env-file FILE");
        } else {
            int eq = assignment.indexOf('=');
            String name = ConfigStore.checkName(eq < 0 ? assignment : assignment.substring(0, eq));
            values = Map.of(name, eq < 0 ? readValue(name) : assignment.substring(eq + 1));
        }
        store.setAll(values);
        context.err().println(" * Set " + String.join(", ", new java.util.TreeSet<>(values.keySet())) + " in "
                + store.description());
        return ExitCodes.OK;
    }

    /** A hidden prompt on a terminal; else standard input, without its final newline. */
    private String readValue(String name) {
        if (context.interactive(common)) {
            try (PrompterHolder prompts = new PrompterHolder(context, true)) {
                return new String(prompts.get().askSecret("Value for " + name + ":"));
            }
        }
        try {
            String value = new String(context.in().readAllBytes(), StandardCharsets.UTF_8);
            value = value.endsWith("\r\n") ? value.substring(0, value.length() - 2)
                    : value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
            if (value.isEmpty()) {
                throw FerryException.badInput("no value for " + name + " on standard input",
                        "pipe it in (printf %s \"$VALUE\" | ferry config set " + name + "), or run on a terminal to be asked");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read standard input", e);
        }
    }
}
