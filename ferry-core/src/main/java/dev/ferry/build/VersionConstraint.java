package dev.ferry.build;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks a base image version from a version constraint (package.json engines, composer.json require.php) the way
 * Heroku's buildpacks do in spirit: the newest version that satisfies it. ferry only knows its default, so when the
 * default satisfies the constraint the default is taken, otherwise the constraint's lower bound. Versions here are
 * "major" (Node, Java) or "major.minor" (PHP): {@code parts} says which.
 */
public final class VersionConstraint {

    private static final Pattern COMPARATOR = Pattern.compile(
            "^(\\^|~>?|>=|<=|>|<|=|v)?\\s*v?(\\d+)(?:\\.(\\d+|x|X|\\*))?(?:\\.(\\d+|x|X|\\*))?.*$");

    private VersionConstraint() {
    }

    /**
     * @param constraint e.g. "20.x", "&gt;=18", "^8.1", "18 || 20"; blank or "*" means any
     * @param defaultVersion ferry's default, e.g. "22" or "8.3"
     * @param parts 1 for major versions, 2 for major.minor
     * @return the version to build with, or empty when the constraint cannot be read
     */
    public static Optional<String> choose(String constraint, String defaultVersion, int parts) {
        String text = constraint == null ? "" : constraint.trim();
        int[] fallback = version(defaultVersion);
        if (text.isEmpty() || text.equals("*") || text.equalsIgnoreCase("x") || text.equalsIgnoreCase("latest")) {
            return Optional.of(defaultVersion);
        }
        int[] lowest = null;
        for (String alternative : text.split("\\|\\|")) {
            boolean all = true;
            for (String comparator : comparators(alternative)) {
                Matcher m = COMPARATOR.matcher(comparator);
                if (!m.matches()) {
                    return Optional.empty();
                }
                String op = m.group(1) == null ? "" : m.group(1);
                int major = Integer.parseInt(m.group(2));
                boolean hasMinor = m.group(3) != null && m.group(3).matches("\\d+");
                int minor = hasMinor ? Integer.parseInt(m.group(3)) : 0;
                all &= satisfies(fallback, op, major, minor, hasMinor);
                int[] bound = bound(op, major, minor);
                if (bound != null && lowest == null) {
                    lowest = bound;
                }
            }
            if (all) {
                return Optional.of(defaultVersion);
            }
        }
        return lowest == null ? Optional.empty() : Optional.of(format(lowest, parts));
    }

    private static String[] comparators(String alternative) {
        // "> = 18" and ">= 18 < 21" both occur; glue operators to their numbers before splitting
        return alternative.trim().replaceAll("(\\^|~>?|>=|<=|>|<|=)\\s+", "$1").split("\\s+|,\\s*");
    }

    private static boolean satisfies(int[] v, String op, int major, int minor, boolean hasMinor) {
        int cmp = v[0] != major ? Integer.compare(v[0], major) : Integer.compare(v[1], minor);
        return switch (op) {
            case "^" -> v[0] == major && cmp >= 0;
            case "~", "~>" -> v[0] == major && (!hasMinor || v[1] == minor);
            case ">=" -> cmp >= 0;
            case ">" -> hasMinor ? cmp > 0 : v[0] > major;
            case "<" -> cmp < 0;
            case "<=" -> hasMinor ? cmp <= 0 : v[0] <= major;
            default -> v[0] == major && (!hasMinor || v[1] == minor);
        };
    }

    private static int[] bound(String op, int major, int minor) {
        return switch (op) {
            case "<" -> minor > 0 ? new int[] {major, minor - 1} : new int[] {major - 1, 0};
            case "<=" -> new int[] {major, minor};
            case ">" -> new int[] {major, minor};
            default -> new int[] {major, minor};
        };
    }

    private static int[] version(String text) {
        String[] bits = text.split("\\.");
        return new int[] {Integer.parseInt(bits[0]), bits.length > 1 ? Integer.parseInt(bits[1]) : 0};
    }

    private static String format(int[] version, int parts) {
        return parts == 1 ? Integer.toString(version[0]) : version[0] + "." + version[1];
    }
}
