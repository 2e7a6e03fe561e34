package dev.ferry;

import java.util.Objects;

/**
 * Something the user should know about a migration: a Heroku feature with no exact equivalent, a disagreement
 * between the source folder and the API, a value that must be supplied. Codes are stable (documented in
 * the Findings table of docs/mapping.md) so scripts and --strict can rely on them. Messages never quote a secret value.
 *
 * @param code stable identifier, e.g. {@code scheduler-jobs-unknown}
 * @param severity how much it matters
 * @param subject what it is about, e.g. {@code process web} or {@code add-on scheduler}
 * @param message one sentence saying what happened and what to do
 */
public record Finding(String code, Severity severity, String subject, String message) {

    public enum Severity { NOTE, WARNING }

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    public static Finding note(String code, String subject, String message) {
        return new Finding(code, Severity.NOTE, subject, message);
    }

    public static Finding warning(String code, String subject, String message) {
        return new Finding(code, Severity.WARNING, subject, message);
    }
}
