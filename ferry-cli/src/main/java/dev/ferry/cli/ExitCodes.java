package dev.ferry.cli;

import dev.ferry.FerryException;

/** The one place exit codes are decided. */
final class ExitCodes {

    static final int OK = 0;
    /** The operation was attempted and failed. */
    static final int FAILED = 1;
    /** Bad usage or bad input: fixable by the user. */
    static final int BAD_INPUT = 2;
    /** The environment is not ready: no credentials, no engine, no network. */
    static final int ENVIRONMENT = 3;
    /** A bug in ferry. */
    static final int BUG = 4;
    /** Cancelled by the user at a prompt (as a shell reports SIGINT). */
    static final int CANCELLED = 130;

    private ExitCodes() {
    }

    static int of(FerryException.Kind kind) {
        return switch (kind) {
            case FAILED -> FAILED;
            case BAD_INPUT -> BAD_INPUT;
            case ENVIRONMENT -> ENVIRONMENT;
        };
    }
}
