package dev.ferry.compose.load;

import dev.ferry.FerryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .env} file as Compose does: {@code NAME=value} lines, optional {@code export }, comments, single
 * quotes taken literally, double quotes with {@code \n}, {@code \"} and {@code \\} escapes, an unquoted value cut at
 * {@code " #"}. Also the format of {@code env_file:} and of {@code ferry config set --env-file}.
 */
public final class DotEnv {

    private DotEnv() {
    }

    /** The variables in {@code file}, in order; an empty map when the file does not exist. */
    public static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return parse(file.toString(), Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /** @param label the file's name for error messages */
    public static Map<String, String> parse(String label, List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            String name = (eq < 0 ? line : line.substring(0, eq)).strip();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                throw FerryException.badInput(label, i + 1, "\"" + name + "\" is not a variable name",
                        "write NAME=value, one per line");
            }
            if (eq < 0) {
                continue; // a bare name sets nothing
            }
            values.put(name, value(label, i + 1, line.substring(eq + 1).strip()));
        }
        return values;
    }

    private static String value(String label, int line, String raw) {
        if (raw.startsWith("'")) {
            int end = raw.indexOf('\'', 1);
            if (end < 0) {
                throw FerryException.badInput(label, line, "an unclosed single quote", "close the quote on the same line");
            }
            return raw.substring(1, end);
        }
        if (raw.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\' && i + 1 < raw.length()) {
                    char e = raw.charAt(++i);
                    out.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> e;
                    });
                } else {
                    out.append(c);
                }
            }
            throw FerryException.badInput(label, line, "an unclosed double quote", "close the quote on the same line");
        }
        int comment = raw.indexOf(" #");
        return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    }
}
