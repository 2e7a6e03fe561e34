package dev.ferry.compose;

import dev.ferry.compose.ComposeService.Resources;
import dev.ferry.snapshot.HerokuFacts.DynoSize;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heroku dyno sizes → container resources (used as both limits and reservations: Heroku guarantees a dyno its
 * memory, and Defang sizes tasks from the reservations). Memory comes from the size; CPUs are vCPUs as Heroku
 * publishes them for each size. When the snapshot carries the size's facts (from the API), its memory wins; a size
 * not in the table takes its CPUs from its compute units. See docs/mapping.md.
 */
public final class DynoSizeTable {

    /** A size's memory in MB and its vCPUs. */
    public record Size(int memoryMb, String cpus) {
        public Resources resources() {
            return new Resources(cpus, memoryMb + "M");
        }
    }

    /** Used when a size is unknown or absent: Heroku's smallest paid size. */
    public static final String DEFAULT_SIZE_NAME = "Standard-1X";
    public static final Size DEFAULT = new Size(512, "1");

    /** Heroku's published sizes, keyed by lowercase name. */
    static final Map<String, Size> SIZES = Map.ofEntries(
            // Common Runtime (1X, 2X and PX are the names older apps' formations still carry)
            Map.entry("1x", new Size(512, "1")),
            Map.entry("2x", new Size(1024, "2")),
            Map.entry("px", new Size(6144, "8")),
            Map.entry("free", new Size(512, "1")),
            Map.entry("hobby", new Size(512, "1")),
            Map.entry("eco", new Size(512, "1")),
            Map.entry("basic", new Size(512, "1")),
            Map.entry("standard-1x", new Size(512, "1")),
            Map.entry("standard-2x", new Size(1024, "2")),
            Map.entry("performance-m", new Size(2560, "2")),
            Map.entry("performance-l", new Size(14336, "8")),
            Map.entry("performance-l-ram", new Size(30720, "4")),
            Map.entry("performance-xl", new Size(63488, "8")),
            Map.entry("performance-2xl", new Size(129024, "16")),
            // Private Spaces
            Map.entry("private-s", new Size(1024, "2")),
            Map.entry("private-m", new Size(2560, "2")),
            Map.entry("private-l", new Size(14336, "8")),
            Map.entry("private-l-ram", new Size(30720, "4")),
            Map.entry("private-xl", new Size(63488, "8")),
            Map.entry("private-2xl", new Size(129024, "16")),
            // Shield Private Spaces
            Map.entry("shield-s", new Size(1024, "2")),
            Map.entry("shield-m", new Size(2560, "2")),
            Map.entry("shield-l", new Size(14336, "8")),
            Map.entry("shield-l-ram", new Size(30720, "4")),
            Map.entry("shield-xl", new Size(63488, "8")),
            Map.entry("shield-2xl", new Size(129024, "16")),
            // Fir (next generation) classic sizes; the dyno-<n>c-<m>gb sizes are read from their names
            Map.entry("1x-classic", new Size(512, "1")),
            Map.entry("2x-classic", new Size(1024, "2")),
            Map.entry("m-classic", new Size(2560, "2")),
            Map.entry("l-classic", new Size(14336, "8")),
            Map.entry("xl-classic", new Size(63488, "8")),
            Map.entry("2xl-classic", new Size(129024, "16")));

    /** Fir's sizes say their vCPUs and memory in the name, e.g. dyno-2c-4gb. */
    private static final Pattern FIR_NAMED = Pattern.compile("dyno[.-](\\d+)c-(\\d+(?:\\.\\d+)?)gb");

    private DynoSizeTable() {
    }

    /** The size from the table or the name alone, or empty when unknown. */
    public static Optional<Size> published(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.toLowerCase(Locale.ROOT);
        Size size = SIZES.get(key);
        if (size != null) {
            return Optional.of(size);
        }
        Matcher fir = FIR_NAMED.matcher(key);
        if (fir.matches()) {
            int memoryMb = new BigDecimal(fir.group(2)).multiply(BigDecimal.valueOf(1024)).intValue();
            return Optional.of(new Size(memoryMb, fir.group(1)));
        }
        return Optional.empty();
    }

    /**
     * The size for {@code name}: the snapshot's facts first (memory; CPUs from the table, else from compute), then
     * the table; empty when neither knows it.
     */
    public static Optional<Size> resolve(String name, List<DynoSize> facts) {
        Optional<Size> table = published(name);
        Optional<DynoSize> fact = facts.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
        if (fact.isEmpty() || fact.get().memoryGb() <= 0) {
            return table;
        }
        int memoryMb = (int) Math.round(fact.get().memoryGb() * 1024);
        String cpus = table.map(Size::cpus).orElseGet(() -> cpusFromCompute(fact.get().compute()));
        return Optional.of(new Size(memoryMb, cpus));
    }

    /**
     * Heroku's compute units are a relative benchmark: shared sizes have 1 or 2 (one or two vCPU shares), dedicated
     * ones about 6 per vCPU (Performance-M 12 ≈ 2, Performance-L 50 ≈ 8).
     */
    static String cpusFromCompute(Integer compute) {
        if (compute == null || compute <= 1) {
            return "1";
        }
        if (compute <= 8) {
            return "2";
        }
        return String.valueOf(Math.max(1, Math.round(compute / 6.25)));
    }
}
