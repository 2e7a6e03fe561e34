package dev.ferry.provider.aws.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.Finding;
import dev.ferry.compose.ComposeService;
import java.util.List;
import java.util.Optional;

/**
 * The app stack's CloudFormation template, made from a loaded compose project: pure (no SDK call, no I/O) and
 * deterministic (same input, same bytes). See docs/aws.md for the Compose → AWS mapping.
 */
public final class AppTemplate {

    private AppTemplate() {
    }

    /**
     * A rendered app template and what it could not carry over.
     *
     * @param template the CloudFormation template
     * @param findings compose features the aws provider leaves out or changes, with stable codes ({@link AwsFindings})
     */
    public record Result(ObjectNode template, List<Finding> findings) {

        public Result {
            findings = List.copyOf(findings);
        }

        /** The template as the text CloudFormation is given (pretty JSON, stable key order). */
        public String json() {
            return Cfn.render(template);
        }

        /** The stack parameters of image URIs, by service name: e.g. web → ImageWeb. */
        public List<String> imageParameters() {
            java.util.List<String> names = new java.util.ArrayList<>();
            template.path("Parameters").fieldNames().forEachRemaining(n -> {
                if (n.startsWith("Image")) {
                    names.add(n);
                }
            });
            return names;
        }
    }

    public static Result build(AppStackInput input) {
        AppModel model = new AppModel(input);
        ObjectNode template = Cfn.object();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", "ferry app stack " + input.settings().appStackName() + " ("
                + input.settings().provider().mode().cliName() + ")");
        template.putObject("Metadata").putObject("Ferry").put("Project", input.settings().project())
                .put("Stack", input.settings().provider().stack()).put("Mode", input.settings().provider().mode().cliName());
        parameters(model, template.putObject("Parameters"));
        template.putObject("Conditions").set(ServiceResources.SERVICES_ENABLED_CONDITION,
                Cfn.equalsCondition(Cfn.ref(AppStackOutputs.SERVICES_ENABLED_PARAMETER), "true"));
        ObjectNode resources = template.putObject("Resources");
        NetworkResources.add(model, resources);
        DatabaseResources.add(model, resources);
        TaskDefinitions.add(model, resources);
        ServiceResources.add(model, resources);
        outputs(model, template.putObject("Outputs"), resources);
        return new Result(template, dedupe(model.findings));
    }

    private static List<Finding> dedupe(List<Finding> findings) {
        return new java.util.ArrayList<>(new java.util.LinkedHashSet<>(findings));
    }

    private static void parameters(AppModel model, ObjectNode parameters) {
        ObjectNode enabled = parameters.putObject(AppStackOutputs.SERVICES_ENABLED_PARAMETER);
        enabled.put("Type", "String").put("Default", "false");
        enabled.set("AllowedValues", Cfn.strings(List.of("true", "false")));
        enabled.put("Description", "false until the release has run once: long-running services stay at 0 tasks");
        for (ComposeService service : model.runnable) {
            ObjectNode image = parameters.putObject(LogicalIds.imageParameter(service.name()));
            image.put("Type", "String");
            image.put("Description", "the image of service " + service.name());
            if (service.build() == null && service.image() != null) {
                // an image compose names (rabbitmq:4) runs as it is; built images are pushed by the deployer
                image.put("Default", service.image());
            }
        }
    }

    private static void outputs(AppModel model, ObjectNode outputs, ObjectNode resources) {
        output(outputs, AppStackOutputs.CLUSTER, Cfn.ref(ServiceResources.CLUSTER));
        Optional<String> domain = model.input.settings().provider().domain();
        JsonNode url = !resources.has(ServiceResources.LOAD_BALANCER) ? com.fasterxml.jackson.databind.node.TextNode.valueOf("none")
                : domain.isPresent() ? com.fasterxml.jackson.databind.node.TextNode.valueOf("https://" + domain.get())
                : Cfn.sub("http://${" + ServiceResources.LOAD_BALANCER + ".DNSName}");
        output(outputs, AppStackOutputs.URL, url);
        if (domain.isPresent() && resources.has(ServiceResources.LOAD_BALANCER)) {
            output(outputs, "LoadBalancerDnsName", Cfn.getAtt(ServiceResources.LOAD_BALANCER, "DNSName"));
        }
        com.fasterxml.jackson.databind.node.ArrayNode subnets = NetworkResources.taskSubnets(model);
        output(outputs, AppStackOutputs.PRIVATE_SUBNETS, Cfn.join(",", subnets.get(0), subnets.get(1)));
        output(outputs, AppStackOutputs.TASK_ASSIGN_PUBLIC_IP, com.fasterxml.jackson.databind.node.TextNode.valueOf(
                model.mode.tasksInPublicSubnets() ? "ENABLED" : "DISABLED"));
        output(outputs, AppStackOutputs.TASK_SECURITY_GROUP, Cfn.getAtt(NetworkResources.TASK_SECURITY_GROUP, "GroupId"));
        output(outputs, AppStackOutputs.LOG_GROUP, Cfn.ref(TaskDefinitions.LOG_GROUP));
        output(outputs, AppStackOutputs.TASK_EXECUTION_ROLE, Cfn.getAtt(TaskDefinitions.EXECUTION_ROLE, "Arn"));
        for (ComposeService service : model.runnable) {
            output(outputs, AppStackOutputs.TASK_DEFINITION_PREFIX + LogicalIds.of(service.name()),
                    Cfn.ref(TaskDefinitions.logicalId(service)));
        }
        for (ComposeService service : model.longRunning()) {
            output(outputs, AppStackOutputs.SERVICE_PREFIX + LogicalIds.of(service.name()),
                    Cfn.getAtt(ServiceResources.serviceId(service), "Name"));
        }
        for (ComposeService service : model.postgres) {
            String id = LogicalIds.of(service.name()) + "Database";
            output(outputs, AppStackOutputs.ENDPOINT_PREFIX + LogicalIds.of(service.name()),
                    Cfn.sub("${" + id + ".Endpoint.Address}:${" + id + ".Endpoint.Port}"));
            // what `ferry data migrate --to aws` needs to reach it from a one-off task (never the password itself)
            String serviceId = LogicalIds.of(service.name());
            output(outputs, AppStackOutputs.DATABASE_SECRET_PREFIX + serviceId, Cfn.ref(serviceId + "Secret"));
            output(outputs, AppStackOutputs.DATABASE_USER_PREFIX + serviceId,
                    com.fasterxml.jackson.databind.node.TextNode.valueOf(DatabaseResources.masterUser(service)));
            output(outputs, AppStackOutputs.DATABASE_NAME_PREFIX + serviceId,
                    com.fasterxml.jackson.databind.node.TextNode.valueOf(DatabaseResources.databaseName(model, service)));
        }
        for (ComposeService service : model.redis) {
            String id = LogicalIds.of(service.name()) + "Cache";
            output(outputs, AppStackOutputs.ENDPOINT_PREFIX + LogicalIds.of(service.name()),
                    Cfn.sub("${" + id + ".PrimaryEndPoint.Address}:${" + id + ".PrimaryEndPoint.Port}"));
        }
    }

    private static void output(ObjectNode outputs, String key, JsonNode value) {
        outputs.putObject(key).set("Value", value);
    }
}
