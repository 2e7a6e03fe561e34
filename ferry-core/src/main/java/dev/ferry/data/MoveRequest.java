package dev.ferry.data;

import java.nio.file.Path;

/**
 * What the user asked for.
 *
 * @param jobs 1 streams dump into restore with no temp file; more goes through a directory dump and a parallel
 *     restore (Postgres only)
 * @param force replace a non-empty target (its contents are listed in the plan first)
 * @param resume finish the interrupted run recorded in {@code stateDir}
 * @param stateDir where runs are recorded ({@code .ferry/data})
 */
public record MoveRequest(DataEndpoint source, DataEndpoint target, int jobs, boolean force, boolean resume,
                          Path stateDir) {

    public MoveRequest {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
    }
}
