package dev.ferry.data;

import dev.ferry.event.EventSink;

/**
 * Copies one database to another and proves the copy. Two calls, so that a person can read the plan and say yes
 * in between: {@link #plan} only reads; {@link #move} writes the target, then verifies it.
 */
public interface DataMover {

    /** Reads the source's catalog and the target's contents; writes nothing. Refuses early what {@link #move} would. */
    MovePlan plan(MoveRequest request);

    /**
     * Copies and verifies. A verification difference is part of the result ({@link Verification#passed} false), not
     * an exception, so that the caller can show the whole report before failing.
     */
    MoveResult move(MovePlan plan, EventSink events);

    /**
     * The source alone, in words ("12 tables, 340.2 MB, about 1 minute"), for a move whose target this machine cannot
     * reach (it runs in the deployment's network). Reads only.
     */
    String describeSource(DataEndpoint source);
}
