package dev.ferry.cli;

import java.util.List;

/** Asks the person at the terminal. Only used when {@link CliContext#interactive} allows it. */
public interface Prompter extends AutoCloseable {

    /** An arrow-key list that filters as the person types; returns the chosen item. */
    String select(String question, List<String> choices);

    /** A line of text, with a default used when the answer is empty. */
    String ask(String question, String defaultAnswer);

    /** A hidden answer (a token, a password): nothing is echoed. */
    char[] askSecret(String question);

    /** A yes/no question; an empty answer means {@code defaultYes}. */
    boolean confirm(String question, boolean defaultYes);

    @Override
    void close();
}
