package dev.ferry.data;

import java.time.Duration;
import java.util.Locale;

/** Human-readable sizes and durations for plans and progress lines. */
public final class Sizes {

    private Sizes() {
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** An estimate: "less than a minute", "about 1 minute", "about 12 minutes" ("about" qualifies a number only). */
    public static String aboutMinutes(Duration duration) {
        String minutes = minutes(duration);
        return Character.isDigit(minutes.charAt(0)) ? "about " + minutes : minutes;
    }

    /** "less than a minute", "1 minute", "12 minutes" */
    public static String minutes(Duration duration) {
        long minutes = Math.round(duration.toSeconds() / 60.0);
        if (minutes < 1) {
            return "less than a minute";
        }
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
