package dev.ferry.data;

import java.time.Duration;
import java.util.List;

/**
 * What a move will do, from the source's catalog and the target's contents, before anything is written.
 *
 * @param kind "postgres" or "redis"
 * @param items tables (Postgres) or keys (Redis) to copy
 * @param bytes the source's size on disk (Postgres) or in memory (Redis)
 * @param estimate a rough duration at the throughput documented in docs/commands-data.md
 * @param toDrop what is in the target and will be dropped (only with --force; empty for an empty target)
 * @param resumePhase the phase an interrupted run reached when resuming, else null
 * @param notes facts worth showing (extensions created first, TLS verification skipped, …)
 */
public record MovePlan(MoveRequest request, String kind, long items, long bytes, Duration estimate,
                       List<String> toDrop, String resumePhase, List<String> notes) {

    public MovePlan {
        toDrop = List.copyOf(toDrop);
        notes = List.copyOf(notes);
    }

    /** "12 tables, 340.2 MB, about 1 minute"; "3 tables, 12.0 MB, less than a minute" */
    public String summary() {
        String unit = kind.equals("redis") ? "key" : "table";
        return items + " " + unit + (items == 1 ? "" : "s") + ", " + Sizes.human(bytes) + ", "
                + Sizes.aboutMinutes(estimate);
    }
}
