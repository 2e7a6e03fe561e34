package dev.ferry.provider.aws.deploy;

import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.aws.AwsSettings;
import dev.ferry.provider.aws.template.BootstrapOutputs;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes sure the once-per-account-and-region bootstrap stack (artifact bucket, image repository, CodeBuild project,
 * build log group) exists at this ferry's template version, and reads its outputs. Idempotent: a current stack is
 * only read.
 */
public final class Bootstrapper {

    /** Tag on every stack ferry makes, so that people and tools can tell them apart. */
    static final Map<String, String> TAGS = Map.of("ferry:managed", "true");

    private final StackDeployer deployer;
    private final Templates templates;
    private final EventSink events;

    public Bootstrapper(StackDeployer deployer, Templates templates, EventSink events) {
        this.deployer = deployer;
        this.templates = templates;
        this.events = events;
    }

    /** The outputs of a current bootstrap stack, creating or updating it first when needed. */
    public BootstrapOutputs ensure() {
        String name = AwsSettings.bootstrapStackName();
        Optional<StackState> current = deployer.describe(name);
        if (current.isPresent() && isCurrent(current.get())) {
            events.emit(new FerryEvent.Detail("bootstrap stack " + name + " is current (version "
                    + templates.bootstrapVersion() + ")"));
            return BootstrapOutputs.from(current.get().outputs());
        }
        events.emit(new FerryEvent.Step(current.isEmpty()
                ? "Bootstrapping this account and region (stack " + name + ": bucket, image repository, build project)"
                : "Updating the bootstrap stack " + name + " to version " + templates.bootstrapVersion()));
        StackState done = deployer.deploy(new StackRequest(name, templates.bootstrapBody(), List.of(), TAGS,
                Optional.empty()));
        return BootstrapOutputs.from(done.outputs());
    }

    /** The bootstrap outputs if the stack can be read and is usable; nothing is changed. */
    public Optional<BootstrapOutputs> read() {
        return deployer.describe(AwsSettings.bootstrapStackName()).filter(this::isCurrent)
                .map(s -> BootstrapOutputs.from(s.outputs()));
    }

    private boolean isCurrent(StackState state) {
        return state.isComplete() && templates.bootstrapVersion().equals(state.outputs().get(Templates.VERSION_OUTPUT));
    }
}
