package dev.ferry.provider.aws.template;

import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.provider.aws.AwsSettings;
import java.util.SortedSet;

/**
 * Everything the app stack's template is made from. Image URIs are NOT here: they are stack parameters
 * ({@link LogicalIds#imageParameter}), so a deploy can change the release task's image before the services'.
 *
 * @param compose the loaded compose project
 * @param settings region, project, stack, mode, domain
 * @param bootstrap the bootstrap stack's outputs
 * @param configNames the config names held in SSM under {@link AwsSettings#parameterPrefix()}, injected as ECS
 *     secrets
 */
public record AppStackInput(LoadedCompose compose, AwsSettings settings, BootstrapOutputs bootstrap,
                            SortedSet<String> configNames) {

    public AppStackInput {
        configNames = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(configNames));
    }
}
