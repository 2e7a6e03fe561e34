package dev.ferry;

/**
 * The one exception type that crosses from the core into the CLI. Its {@link Kind} decides the exit code, so every
 * failure is classified where it is understood, not guessed at the top. Messages never carry secret values.
 */
public final class FerryException extends RuntimeException {

    /** Why the operation stopped; the CLI maps each kind to one exit code. */
    public enum Kind {
        /** The operation was attempted and failed (exit 1). */
        FAILED,
        /** The user's input (a file, a flag, an app name) is wrong and can be fixed (exit 2). */
        BAD_INPUT,
        /** The machine is not ready: no credentials, no engine, no network (exit 3). */
        ENVIRONMENT
    }

    private final Kind kind;
    private final String hint;

    public FerryException(Kind kind, String message, String hint, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.hint = hint;
    }

    public FerryException(Kind kind, String message, String hint) {
        this(kind, message, hint, null);
    }

    /**
     * Bad input in a file: "{file}:{line}: {problem}" with a fix. {@code line} &lt;= 0 means the place is the whole file.
     */
    public static FerryException badInput(String file, int line, String problem, String fix) {
        String place = line > 0 ? file + ":" + line : file;
        return new FerryException(Kind.BAD_INPUT, place + ": " + problem, fix);
    }

    public static FerryException badInput(String problem, String fix) {
        return new FerryException(Kind.BAD_INPUT, problem, fix);
    }

    public static FerryException failed(String problem, String fix, Throwable cause) {
        return new FerryException(Kind.FAILED, problem, fix, cause);
    }

    public static FerryException environment(String problem, String fix) {
        return new FerryException(Kind.ENVIRONMENT, problem, fix);
    }

    public Kind kind() {
        return kind;
    }

    /** What the user can do next; may be null. */
    public String hint() {
        return hint;
    }
}
