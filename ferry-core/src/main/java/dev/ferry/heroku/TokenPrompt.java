package dev.ferry.heroku;

import java.util.Optional;

/**
 * Asks the user for a token with the input hidden. The CLI implements it on the terminal; the core never reads the
 * terminal itself. A non-interactive run passes {@link #NONE}.
 */
@FunctionalInterface
public interface TokenPrompt {

    /**
     * Shows {@code message} and reads a line without echoing it.
     *
     * @return the characters typed, or empty when there is no one to ask (or the user gave nothing)
     */
    Optional<char[]> askHidden(String message);

    /** No one to ask: resolution fails with a message saying how to provide a token. */
    TokenPrompt NONE = message -> Optional.empty();
}
