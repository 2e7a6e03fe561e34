package dev.ferry.data;

import java.time.Duration;
import java.util.List;

/**
 * What a move did.
 *
 * @param copied tables or keys copied (0 when a resumed run only verified)
 * @param bytes bytes that went through the dump stream (Postgres) or DUMP payloads (Redis)
 * @param stateFile the run's record, or null for Redis (no resumable state)
 */
public record MoveResult(String kind, long copied, long bytes, Duration copyTime, Duration verifyTime,
                         Verification verification, List<String> warnings, java.nio.file.Path stateFile) {

    public MoveResult {
        warnings = List.copyOf(warnings);
    }

    /** Bytes per second of the copy alone. */
    public double throughput() {
        double seconds = Math.max(copyTime.toMillis(), 1) / 1000.0;
        return bytes / seconds;
    }
}
