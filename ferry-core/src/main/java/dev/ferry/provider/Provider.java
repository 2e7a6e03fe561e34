package dev.ferry.provider;

import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.event.EventSink;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A deployment target: the local machine now; AWS, Kubernetes and Google Cloud later. Every method takes the loaded
 * compose project and reports through events; nothing here prints. Failures are {@link dev.ferry.FerryException}s:
 * BAD_INPUT for what the user can fix in the file or the store, ENVIRONMENT when the target cannot be reached,
 * FAILED when the deployment itself failed.
 */
public interface Provider {

    /** The name --provider takes, e.g. {@code local}. */
    String name();

    /** The service keys this target understands; others are reported as unsupported-key findings. */
    Set<String> supportedServiceKeys();

    /** The config store of the project in {@code projectDir}. */
    ConfigStore configStore(Path projectDir);

    /** What {@link #up} would change, without changing anything (may build nothing and start nothing). */
    DeploymentPlan plan(LoadedCompose compose, UpOptions options, EventSink events);

    /**
     * The target's own description of the deployment (the CloudFormation template for aws), for
     * {@code compose config --provider} and {@code up --dry-run}; empty when the target has none. Makes no mutating
     * call.
     */
    default Optional<String> render(LoadedCompose compose, EventSink events) {
        return Optional.empty();
    }

    /** Builds, starts and waits; returns where the app answers. */
    UpResult up(LoadedCompose compose, UpOptions options, EventSink events);

    /** Each service's containers (or tasks) with state, health, ports and image. */
    List<ServiceStatus> ps(LoadedCompose compose);

    /** The services' logs, each line as a {@link dev.ferry.event.FerryEvent.Log}; blocks while following. */
    void logs(LoadedCompose compose, LogOptions options, EventSink events);

    /**
     * The data {@link #down} would delete for good (databases without a final snapshot, …), in words for a
     * confirmation; empty when nothing would be lost. Makes no mutating call. Named volumes asked for with
     * {@code volumes} on a local engine are the user's explicit choice and are not listed.
     */
    default List<String> dataDeletedByDown(LoadedCompose compose, boolean volumes) {
        return List.of();
    }

    /**
     * {@code ferry tail}: follows the deployment. By default its logs; a cloud target may first show a deploy in
     * progress (builds, stack events).
     */
    default void tail(LoadedCompose compose, LogOptions options, EventSink events) {
        logs(compose, options, events);
    }

    /**
     * How {@code ferry data migrate --to NAME} reaches this target's databases when this machine cannot: empty (the
     * default) when they are reachable from here, as the local provider's published ports are.
     */
    default Optional<dev.ferry.data.deployed.InNetworkMove> inNetworkMove() {
        return Optional.empty();
    }

    /** Stops and removes what up created; named volumes only when {@code volumes}. */
    void down(LoadedCompose compose, boolean volumes, EventSink events);
}
