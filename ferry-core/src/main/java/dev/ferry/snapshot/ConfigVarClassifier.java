package dev.ferry.snapshot;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule that decides whether a config var is a secret. It runs before anything is stored, so that a secret
 * value never reaches a snapshot, a compose file, a report or a log. It errs towards "secret": a false alarm costs
 * the user one {@code ferry config set}, a miss leaks a credential into a file under review.
 */
public final class ConfigVarClassifier {

    /** Name fragments that mark a secret whatever the value is. */
    static final List<String> SECRET_NAME_WORDS = List.of(
            "PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "KEY", "CREDENTIAL", "PRIVATE", "AUTH",
            "SALT", "SIGNATURE", "CERT", "DSN");

    /**
     * Variables Heroku sets on every dyno; they mean nothing outside Heroku. (WEB_CONCURRENCY is not among them:
     * when it shows up as a config var, the user set it.)
     */
    static final Set<String> HEROKU_SET_NAMES = Set.of("DYNO", "PORT");

    /** scheme://user:password@host — a URL that carries a password. */
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/@\\s:]*:[^/@\\s]+@.*");

    /** Random-looking values at least this long are treated as secrets. */
    static final int HIGH_ENTROPY_MIN_LENGTH = 20;
    /** Shannon entropy, in bits per character, above which a long value looks random. */
    static final double HIGH_ENTROPY_BITS_PER_CHAR = 3.5;

    private ConfigVarClassifier() {
    }

    /**
     * Classifies one config var.
     *
     * @param name the variable's name
     * @param value its value; may be null when only the name is known
     * @param addOnOwnedNames the names that add-on attachments set on the app
     */
    public static ConfigVarClass classify(String name, String value, Set<String> addOnOwnedNames) {
        if (addOnOwnedNames.contains(name)) {
            return ConfigVarClass.ADDON_OWNED;
        }
        if (isHerokuSet(name)) {
            return ConfigVarClass.HEROKU_SET;
        }
        return secretReason(name, value).isPresent() ? ConfigVarClass.SECRET : ConfigVarClass.PLAIN;
    }

    /** Whether Heroku itself sets this variable (DYNO, PORT, HEROKU_*). */
    public static boolean isHerokuSet(String name) {
        return HEROKU_SET_NAMES.contains(name) || name.startsWith("HEROKU_");
    }

    /**
     * Why a variable is a secret, in words fit for a report (never quoting the value), or empty if it is not.
     */
    public static Optional<String> secretReason(String name, String value) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String word : SECRET_NAME_WORDS) {
            if (upper.contains(word)) {
                return Optional.of("its name contains " + word);
            }
        }
        if (value == null) {
            return Optional.empty();
        }
        if (URL_WITH_PASSWORD.matcher(value).matches()) {
            return Optional.of("its value is a URL that carries a password");
        }
        if (value.contains("-----BEGIN")) {
            return Optional.of("its value holds a PEM key or certificate");
        }
        if (looksRandom(value)) {
            return Optional.of("its value looks random (high entropy)");
        }
        return Optional.empty();
    }

    /** Long, unbroken, mixed letters and digits, and close to uniformly random: an API key, a hash, a token. */
    static boolean looksRandom(String value) {
        if (value.length() < HIGH_ENTROPY_MIN_LENGTH || value.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        boolean letters = value.chars().anyMatch(Character::isLetter);
        boolean digits = value.chars().anyMatch(Character::isDigit);
        return letters && digits && shannonEntropy(value) >= HIGH_ENTROPY_BITS_PER_CHAR;
    }

    static double shannonEntropy(String value) {
        Map<Integer, Integer> counts = new HashMap<>();
        value.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        double length = value.codePointCount(0, value.length());
        double bits = 0;
        for (int count : counts.values()) {
            double p = count / length;
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }
}
