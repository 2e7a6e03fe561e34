package dev.ferry.compose;

import dev.ferry.Finding;
import java.util.List;
import java.util.Objects;

/**
 * What became of each part of the Heroku app: every process type, add-on and config var (by name only, never a
 * value), and the findings. Written beside compose.yaml as ferry-migration.md and printed after {@code ferry init}.
 *
 * @param appName the app
 * @param sources what the facts came from, e.g. "Heroku API + source folder"
 * @param processes one line per process type, sorted by type
 * @param addOns one line per add-on, sorted by service then name
 * @param configVars one line per config var, sorted by name
 * @param newSecrets secrets ferry introduces (e.g. POSTGRES_PASSWORD), sorted: the user chooses their values
 * @param findings the findings, in the order the rules raised them
 */
public record MigrationReport(String appName, String sources, List<ProcessLine> processes, List<AddOnLine> addOns,
                              List<ConfigVarLine> configVars, List<String> newSecrets, List<Finding> findings) {

    public MigrationReport {
        Objects.requireNonNull(appName, "appName");
        processes = List.copyOf(processes);
        addOns = List.copyOf(addOns);
        configVars = List.copyOf(configVars);
        newSecrets = List.copyOf(newSecrets);
        findings = List.copyOf(findings);
    }

    /** What became of a part. */
    public enum Outcome {
        MIGRATED("migrated"),
        REWIRED("rewired"),
        NEEDS_VALUE("needs a value"),
        DROPPED("dropped"),
        NEEDS_USER("needs you");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param type the Heroku process type
     * @param service the Compose service
     * @param command the command line (a Procfile line is not secret)
     * @param dynos e.g. "Eco ×1", or "one-off" for release
     * @param outcome what became of it
     * @param detail why, in a few words
     */
    public record ProcessLine(String type, String service, String command, String dynos, Outcome outcome,
                              String detail) {}

    /**
     * @param service the add-on service, e.g. heroku-postgresql
     * @param name the add-on's name, or null when only app.json names it
     * @param plan the plan, or null
     * @param becomes the Compose service it became, or null
     * @param outcome what became of it
     * @param detail why, in a few words
     */
    public record AddOnLine(String service, String name, String plan, String becomes, Outcome outcome,
                            String detail) {}

    /** @param name the variable's name; @param outcome what became of it; @param detail why */
    public record ConfigVarLine(String name, Outcome outcome, String detail) {}
}
