package dev.ferry.data;

import java.util.List;

/**
 * Source and target compared after a copy.
 *
 * @param checks one per table, sequence, large-object set (Postgres) or key type and sample (Redis)
 */
public record Verification(List<Check> checks) {

    public Verification {
        checks = List.copyOf(checks);
    }

    /**
     * One comparison.
     *
     * @param subject e.g. "table public.users", "sequence public.users_id_seq", "keys of type hash"
     * @param source what the source has (e.g. "1200 rows, sum 9f3…"), comparable with {@code target}
     */
    public record Check(String subject, String source, String target) {
        public boolean matches() {
            return source.equals(target);
        }
    }

    public boolean passed() {
        return checks.stream().allMatch(Check::matches);
    }

    public List<Check> differences() {
        return checks.stream().filter(c -> !c.matches()).toList();
    }
}
