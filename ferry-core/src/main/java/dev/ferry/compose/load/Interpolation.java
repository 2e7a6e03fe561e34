package dev.ferry.compose.load;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Compose's variable interpolation on one string: {@code ${VAR}}, {@code $VAR}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?message}}, {@code ${VAR?message}}, {@code ${VAR:+alt}}, {@code ${VAR+alt}},
 * and {@code $$} for a literal dollar. The result is still Compose text: a {@code $} inside a substituted value is
 * written {@code $$}, and a {@code $$} stays {@code $$}, so the project can be written back and read again with the
 * same meaning. Names in {@code deferred} (values the target's config store supplies at deploy time) are left as
 * {@code ${NAME}}: they are never taken from the shell, and never printed.
 */
public final class Interpolation {

    /** Why a string could not be interpolated; the loader adds the file and line. */
    public static final class Failure extends RuntimeException {
        public Failure(String message) {
            super(message);
        }
    }

    private final Function<String, Optional<String>> lookup;
    private final Set<String> deferred;
    private final Set<String> unset;

    /**
     * @param lookup a variable's value (environment first, then .env), empty when unset
     * @param deferred names filled later by the target's config store
     * @param unset collects the names that were unset and had no default (Compose warns and uses "")
     */
    public Interpolation(Function<String, Optional<String>> lookup, Set<String> deferred, Set<String> unset) {
        this.lookup = lookup;
        this.deferred = deferred;
        this.unset = unset;
    }

    /** Whether {@code text} holds anything this class would change or keep specially. */
    public static boolean mentionsVariables(String text) {
        return text.indexOf('$') >= 0;
    }

    public String apply(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new Failure("a lone '$' at the end of \"" + text + "\"; write $$ for a literal dollar");
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append("$$");
                i += 2;
            } else if (next == '{') {
                int end = closingBrace(text, i + 2);
                if (end < 0) {
                    throw new Failure("an unclosed ${ in \"" + text + "\"");
                }
                out.append(braced(text.substring(i + 2, end)));
                i = end + 1;
            } else if (isNameStart(next)) {
                int end = i + 1;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                out.append(resolve(text.substring(i + 1, end), null, null));
                i = end;
            } else {
                throw new Failure("'$" + next + "' in \"" + text + "\" is not a variable; write $$ for a literal dollar");
            }
        }
        return out.toString();
    }

    /** The body of ${...}: NAME, then optionally one of :- - :? ? :+ + and a word (which may itself hold variables). */
    private String braced(String body) {
        int n = 0;
        while (n < body.length() && isNamePart(body.charAt(n))) {
            n++;
        }
        String name = body.substring(0, n);
        if (name.isEmpty() || !isNameStart(name.charAt(0))) {
            throw new Failure("\"${" + body + "}\" is not a valid variable name");
        }
        if (n == body.length()) {
            return resolve(name, null, null);
        }
        String rest = body.substring(n);
        for (String operator : new String[] {":-", ":?", ":+", "-", "?", "+"}) {
            if (rest.startsWith(operator)) {
                return resolve(name, operator, rest.substring(operator.length()));
            }
        }
        throw new Failure("\"${" + body + "}\" uses an unknown modifier; use :- - :? ? :+ or +");
    }

    private String resolve(String name, String operator, String word) {
        if (deferred.contains(name)) {
            if (operator != null && operator.contains("?")) {
                return "${" + name + "}"; // required and supplied by the store: the provider checks at deploy time
            }
            return operator == null ? "${" + name + "}" : "${" + name + operator + word + "}";
        }
        Optional<String> value = lookup.apply(name);
        boolean colon = operator != null && operator.startsWith(":");
        boolean present = value.isPresent() && !(colon && value.get().isEmpty());
        if (operator == null) {
            if (value.isEmpty()) {
                unset.add(name);
                return "";
            }
            return escape(value.get());
        }
        switch (operator.substring(operator.length() - 1)) {
            case "-":
                return present ? escape(value.get()) : apply(word);
            case "+":
                return present ? apply(word) : "";
            default: // "?"
                if (!present) {
                    String message = word.isEmpty() ? "is required" : word;
                    throw new Failure("variable " + name + (colon && value.isPresent() ? " is empty: " : " is not set: ")
                            + message);
                }
                return escape(value.get());
        }
    }

    private static String escape(String value) {
        return value.replace("$", "$$");
    }

    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    /**
     * Turns Compose text into the value a process sees: {@code $$} becomes {@code $}, and each deferred
     * {@code ${NAME}} (with an optional :- or - default) takes its value from {@code store}.
     *
     * @param store a deferred name's value, empty when the store has none
     */
    public static String unescape(String text, Function<String, Optional<String>> store) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int end = closingBrace(text, i + 2);
                if (end < 0) {
                    out.append(text, i, text.length());
                    break;
                }
                String body = text.substring(i + 2, end);
                int n = 0;
                while (n < body.length() && isNamePart(body.charAt(n))) {
                    n++;
                }
                String name = body.substring(0, n);
                String rest = body.substring(n);
                Optional<String> value = store.apply(name);
                if (value.isPresent() && !(rest.startsWith(":") && value.get().isEmpty())) {
                    out.append(value.get());
                } else if (rest.startsWith(":-") || rest.startsWith("-")) {
                    out.append(unescape(rest.substring(rest.indexOf('-') + 1), store));
                }
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
