package dev.ferry.data.deployed;

import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.data.DataEndpoint;
import dev.ferry.event.EventSink;

/**
 * A move that runs inside the deployment's own network, for a provider whose databases this machine cannot reach
 * (aws: RDS and ElastiCache in private subnets). The provider starts ferry itself next to the database, hands it the
 * source URL without ever printing or storing it in the clear, follows its output and turns its exit code into
 * ferry's. {@code --to local} does not use this: its database is reached through a published port.
 */
public interface InNetworkMove {

    /**
     * What will be copied where.
     *
     * @param kind the kind of database
     * @param service the compose service (--to-service), or null for the only one of {@code kind}
     * @param source the source database (its password is never shown: only {@code redacted()})
     * @param jobs Postgres's parallel streams
     * @param force whether a non-empty target may be replaced
     */
    record Request(DataKind kind, String service, DataEndpoint source, int jobs, boolean force) {}

    /**
     * The target and how the copy will run, in words for the plan (e.g. "service db: RDS endpoint …; the copy runs as
     * a one-off ECS task in the stack's VPC"). Makes describe-only calls; refuses early (BAD_INPUT / ENVIRONMENT) what
     * {@link #run} would.
     */
    String describe(LoadedCompose compose, Request request);

    /**
     * Copies and verifies in the deployment's network; returns normally only when the copy succeeded and was verified.
     * Failures are {@link dev.ferry.FerryException}s with the remote run's exit code's kind (1 failed, 2 bad input,
     * 3 environment) and its last output lines.
     */
    void run(LoadedCompose compose, Request request, EventSink events);
}
