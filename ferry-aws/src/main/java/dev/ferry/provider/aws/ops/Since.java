package dev.ferry.provider.aws.ops;

import dev.ferry.FerryException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** --since: a duration back from now (30s, 10m, 2h, 1d) or a timestamp (2026-11-25T10:00:00Z; UTC when no zone). */
public final class Since {

    private static final Pattern AGO = Pattern.compile("(\\d+)([smhd])");

    private Since() {
    }

    public static Instant parse(String text, Instant now) {
        String value = text.strip();
        Matcher ago = AGO.matcher(value);
        if (ago.matches()) {
            long amount = Long.parseLong(ago.group(1));
            Duration unit = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            return now.minus(unit.multipliedBy(amount));
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw FerryException.badInput("--since " + text + " is neither a duration nor a timestamp",
                            "use e.g. 10m, 2h, 1d or 2026-11-25T10:00:00Z");
                }
            }
        }
    }
}
