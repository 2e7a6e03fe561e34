package dev.ferry.provider.aws.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.compose.ComposeService;
import dev.ferry.compose.load.ComposeRules;
import dev.ferry.provider.aws.template.AppStackInput;
import dev.ferry.provider.aws.template.AppStackOutputs;
import dev.ferry.provider.aws.template.LogicalIds;

/**
 * Small templates with the shape the deployer relies on (the real ones are the aws-template branch's): the
 * bootstrap with an IAM role, and an app stack with ServicesEnabled, one Image parameter per service that runs an
 * image, a task definition per service and an ECS service per long-running one.
 */
final class StandInTemplates implements Templates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final int padding;

    /** @param padding bytes of metadata to add to the app template (to pass CloudFormation's inline limit) */
    StandInTemplates(int padding) {
        this.padding = padding;
    }

    StandInTemplates() {
        this(0);
    }

    @Override
    public String bootstrapBody() {
        return """
                {"Resources":{"ArtifactBucket":{"Type":"AWS::S3::Bucket"},"BuildRole":{"Type":"AWS::IAM::Role"},
                 "BuildProject":{"Type":"AWS::CodeBuild::Project"}}}""";
    }

    @Override
    public String bootstrapVersion() {
        return "1";
    }

    @Override
    public App app(AppStackInput input) {
        ObjectNode template = JSON.createObjectNode();
        ObjectNode parameters = template.putObject("Parameters");
        parameters.putObject(AppStackOutputs.SERVICES_ENABLED_PARAMETER).put("Type", "String").put("Default", "false");
        ObjectNode resources = template.putObject("Resources");
        resources.putObject("Cluster").put("Type", "AWS::ECS::Cluster");
        resources.putObject("TaskRole").put("Type", "AWS::IAM::Role");
        for (ComposeService service : input.compose().project().services()) {
            if (ComposeRules.isManagedPostgres(service) || ComposeRules.isManagedRedis(service)) {
                continue;
            }
            String id = LogicalIds.of(service.name());
            parameters.putObject(LogicalIds.imageParameter(service.name())).put("Type", "String");
            resources.putObject("TaskDefinition" + id).put("Type", "AWS::ECS::TaskDefinition");
            if (!ComposeRules.isRunOnce(service)) {
                resources.putObject("Service" + id).put("Type", "AWS::ECS::Service");
            }
        }
        template.putObject("Metadata").put("Bucket", input.bootstrap().artifactBucket())
                .put("Config", String.join(",", input.configNames())).put("Padding", "x".repeat(padding));
        return new App(template, java.util.List.of());
    }
}
