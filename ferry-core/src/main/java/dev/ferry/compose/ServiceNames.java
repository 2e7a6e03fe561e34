package dev.ferry.compose;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Heroku process type names → Compose service names that are DNS labels (services are reached by name on the
 * network, and Defang and Kubernetes-like targets require labels): lowercase, {@code _} → {@code -}, any other
 * character outside {@code [a-z0-9-]} → {@code -}, runs of {@code -} collapsed, no leading or trailing {@code -},
 * at most 63 characters. Collisions are resolved in sorted order of the original names: the first keeps the
 * label, the next get {@code -2}, {@code -3}, ...
 */
public final class ServiceNames {

    static final int MAX_LABEL = 63;

    private ServiceNames() {
    }

    /** The DNS label for one name, before collisions are considered. */
    public static String toDnsLabel(String name) {
        String label = name.toLowerCase(Locale.ROOT)
                .replace('_', '-')
                .replaceAll("[^a-z0-9-]", "-")
                .replaceAll("-+", "-")
                .replaceAll("^-|-$", "");
        if (label.isEmpty()) {
            label = "process";
        }
        // cutting at 63 may leave a '-' at the end, which a label may not have
        return truncate(label, MAX_LABEL).replaceAll("-$", "");
    }

    /**
     * Assigns a distinct label to each name, avoiding the {@code reserved} ones (the backing services' names).
     *
     * @return original name → label, in the sorted order of the originals
     */
    public static Map<String, String> assign(Collection<String> names, Set<String> reserved) {
        Set<String> taken = new HashSet<>(reserved);
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : names.stream().distinct().sorted().toList()) {
            String base = toDnsLabel(name);
            String label = base;
            for (int n = 2; taken.contains(label); n++) {
                String suffix = "-" + n;
                label = truncate(base, MAX_LABEL - suffix.length()).replaceAll("-$", "") + suffix;
            }
            taken.add(label);
            result.put(name, label);
        }
        return result;
    }

    /** Every name whose label differs from it, for the report. */
    public static List<Map.Entry<String, String>> renamed(Map<String, String> assigned) {
        return assigned.entrySet().stream().filter(e -> !e.getKey().equals(e.getValue())).toList();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
