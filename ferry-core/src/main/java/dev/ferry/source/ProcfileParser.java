package dev.ferry.source;

import dev.ferry.FerryException;
import dev.ferry.snapshot.ConfigVarClassifier;
import dev.ferry.snapshot.SourceFacts.ProcfileEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a Procfile with Heroku's grammar: one {@code type: command} per line, blank lines and {@code #} comments
 * ignored. Where Heroku would silently skip a line it cannot read, ferry stops and names the line, because a
 * skipped process type would silently vanish from the migrated app.
 */
public final class ProcfileParser {

    private static final Pattern PROCESS_TYPE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String REFERENCE = "see https://devcenter.heroku.com/articles/procfile";

    private ProcfileParser() {
    }

    /** The process types in file order; {@code fileName} is used in error messages. */
    public static List<ProcfileEntry> parse(String content, String fileName) {
        List<ProcfileEntry> entries = new ArrayList<>();
        Map<String, Integer> declaredOn = new HashMap<>();
        String[] lines = content.split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            int number = index + 1;
            String line = lines[index].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw FerryException.badInput(fileName, number, "expected \"type: command\" but the line has no ':'",
                        "write it as type: command (e.g. web: bundle exec puma), or start it with # to comment it out");
            }
            String type = line.substring(0, colon).strip();
            String command = line.substring(colon + 1).strip();
            if (!PROCESS_TYPE.matcher(type).matches()) {
                throw FerryException.badInput(fileName, number, quoted(type)
                        + " is not a process type: names use letters, digits, '-' and '_'",
                        "rename it (e.g. web, worker, clock), " + REFERENCE);
            }
            if (command.isEmpty()) {
                throw FerryException.badInput(fileName, number, "process type \"" + type + "\" has no command",
                        "write the command after the colon, or delete the line");
            }
            Integer first = declaredOn.putIfAbsent(type, number);
            if (first != null) {
                throw FerryException.badInput(fileName, number, "process type \"" + type
                        + "\" is declared twice (first on line " + first + ")",
                        "keep one " + type + " line: Heroku runs one command per process type");
            }
            entries.add(new ProcfileEntry(type, command, number));
        }
        return entries;
    }

    /**
     * The text before the colon, quoted, unless it may hold a credential (an inline {@code KEY=value} or a
     * secret-looking word), which an error message must never repeat.
     */
    private static String quoted(String type) {
        boolean unsafe = type.contains("=") || ConfigVarClassifier.secretReason("PROCFILE_TYPE", type).isPresent();
        return unsafe ? "the text before the first ':'" : "\"" + type + "\"";
    }
}
