package dev.ferry.heroku;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the password of one machine from a .netrc file, the way `heroku login` stores its token
 * ({@code machine api.heroku.com login me@example.com password TOKEN}). Only what ferry needs: machine entries,
 * login/password/account, {@code macdef} bodies skipped, {@code #} comments. The {@code default} entry is ignored on
 * purpose: it is meant for any host, and sending its password to Heroku could leak another service's secret.
 */
final class Netrc {

    private Netrc() {
    }

    /** The password of {@code machine}, if the file has an entry for it with a password. */
    static Optional<String> password(String netrcText, String machine) {
        List<String> tokens = tokens(netrcText);
        String current = null;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            switch (token) {
                case "machine" -> current = i + 1 < tokens.size() ? tokens.get(++i) : null;
                case "default" -> current = null;
                case "login", "account" -> i++;
                case "password" -> {
                    String value = i + 1 < tokens.size() ? tokens.get(++i) : null;
                    if (machine.equals(current) && value != null && !value.isEmpty()) {
                        return Optional.of(value);
                    }
                }
                default -> {
                    // an unknown keyword: ignore it, as other readers of .netrc do
                }
            }
        }
        return Optional.empty();
    }

    /** Whitespace-separated tokens, with comments and macro definitions (up to the next blank line) left out. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        boolean inMacro = false;
        for (String line : lines) {
            if (inMacro) {
                inMacro = !line.isBlank();
                continue;
            }
            String content = line.strip().startsWith("#") ? "" : line;
            for (String token : content.trim().split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).equals("macdef")) {
                    tokens.remove(tokens.size() - 1);
                    inMacro = true;
                    break;
                }
                tokens.add(unquote(token));
            }
        }
        return tokens;
    }

    private static String unquote(String token) {
        return token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")
                ? token.substring(1, token.length() - 1) : token;
    }
}
