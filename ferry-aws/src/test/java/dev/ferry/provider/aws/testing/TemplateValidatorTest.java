package dev.ferry.provider.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The validator is strict: each check fails on a template broken in that one way, and passes the original. */
class TemplateValidatorTest {

    private static final Path TEMPLATE = Path.of("src/test/resources/golden/aws/tutorial-balanced-domain/template.json");

    private static ObjectNode template() throws IOException {
        return (ObjectNode) new ObjectMapper().readTree(Files.readString(TEMPLATE));
    }

    private static List<String> errorsAfter(Consumer<ObjectNode> breakIt) throws IOException {
        ObjectNode t = template();
        breakIt.accept(t);
        return TemplateValidator.errors(t);
    }

    private static ObjectNode props(ObjectNode t, String id) {
        return (ObjectNode) t.path("Resources").path(id).path("Properties");
    }

    @Test
    void errors_goldenTemplate_none() throws IOException {
        assertThat(TemplateValidator.errors(template())).isEmpty();
    }

    @Test
    void errors_unknownProperty_reported() throws IOException {
        assertThat(errorsAfter(t -> props(t, "Vpc").put("CidrBlok", "10.0.0.0/16")))
                .anyMatch(e -> e.startsWith("Resources/Vpc/Properties") && e.contains("CidrBlok"));
    }

    @Test
    void errors_wrongType_reported() throws IOException {
        assertThat(errorsAfter(t -> props(t, "TargetGroupWeb").put("Port", "five thousand")))
                .anyMatch(e -> e.startsWith("Resources/TargetGroupWeb/Properties"));
    }

    @Test
    void errors_badEnumValue_reported() throws IOException {
        assertThat(errorsAfter(t -> props(t, "LoadBalancer").put("Scheme", "public")))
                .anyMatch(e -> e.startsWith("Resources/LoadBalancer/Properties"));
    }

    @Test
    void errors_missingRequiredProperty_reported() throws IOException {
        assertThat(errorsAfter(t -> props(t, "PublicSubnet1").remove("VpcId")))
                .anyMatch(e -> e.startsWith("Resources/PublicSubnet1/Properties") && e.contains("VpcId"));
    }

    @Test
    void errors_intrinsicWhereAListIsWanted_reported() throws IOException {
        assertThat(errorsAfter(t -> props(t, "LoadBalancer").set("Subnets",
                new ObjectMapper().createObjectNode().put("Ref", "PublicSubnet1"))))
                .anyMatch(e -> e.startsWith("Resources/LoadBalancer/Properties"));
    }

    @Test
    void errors_readOnlyPropertySet_reported() throws IOException {
        assertThat(errorsAfter(t -> props(t, "ServiceWeb").put("ServiceArn", "arn:aws:ecs:x")))
                .anyMatch(e -> e.contains("ServiceArn is read-only"));
    }

    @Test
    void errors_typeWithoutSchema_reported() throws IOException {
        assertThat(errorsAfter(t -> ((ObjectNode) t.path("Resources").path("Vpc"))
                .put("Type", "AWS::ServiceDiscovery::PrivateDnsNamespace")))
                .anyMatch(e -> e.contains("has no resource provider schema"));
    }

    @Test
    void errors_badPolicyDocument_reported() throws IOException {
        assertThat(errorsAfter(t -> ((ObjectNode) props(t, "TaskExecutionRole").path("Policies").path(0)
                .path("PolicyDocument").path("Statement").path(0)).put("Effect", "Permit")))
                .anyMatch(e -> e.startsWith("Resources/TaskExecutionRole/Properties Policies/0/PolicyDocument"));
        assertThat(errorsAfter(t -> ((ObjectNode) props(t, "TaskExecutionRole").path("AssumeRolePolicyDocument")
                .path("Statement").path(0)).put("Effect", "Permit")))
                .anyMatch(e -> e.startsWith("Resources/TaskExecutionRole/Properties AssumeRolePolicyDocument"));
    }

    @Test
    void errors_danglingRef_reported() throws IOException {
        assertThat(errorsAfter(t -> props(t, "TaskDefinitionWeb").set("ExecutionRoleArn",
                new ObjectMapper().createObjectNode().put("Ref", "NoSuchRole"))))
                .anyMatch(e -> e.contains("Ref NoSuchRole is no parameter"));
    }

    @Test
    void errors_getAttOfMissingResourceOrAttribute_reported() throws IOException {
        assertThat(errorsAfter(t -> {
            ArrayNode att = (ArrayNode) props(t, "TaskDefinitionWeb").path("ExecutionRoleArn").path("Fn::GetAtt");
            att.set(1, "Arnn");
        })).anyMatch(e -> e.contains("TaskExecutionRole.Arnn is no attribute"));
        assertThat(errorsAfter(t -> {
            ArrayNode att = (ArrayNode) props(t, "TaskDefinitionWeb").path("ExecutionRoleArn").path("Fn::GetAtt");
            att.set(0, "Nobody");
        })).anyMatch(e -> e.contains("Nobody.Arn names no resource"));
    }

    @Test
    void errors_subVariableUnresolved_reported() throws IOException {
        assertThat(errorsAfter(t -> t.path("Outputs").path("EndpointPostgres").withObject("Value")
                .put("Fn::Sub", "${PostgresDb.Endpoint.Address}:${Prt}")))
                .anyMatch(e -> e.contains("PostgresDb.Endpoint.Address names no resource"))
                .anyMatch(e -> e.contains("Ref Prt is no parameter"));
    }

    @Test
    void errors_subEscapedVariable_notAReference() throws IOException {
        assertThat(errorsAfter(t -> t.path("Outputs").path("EndpointPostgres").withObject("Value")
                .put("Fn::Sub", "${!NOT_A_REFERENCE}"))).isEmpty();
    }

    @Test
    void errors_unknownCondition_reported() throws IOException {
        assertThat(errorsAfter(t -> ((ArrayNode) props(t, "ServiceWeb").path("DesiredCount").path("Fn::If"))
                .set(0, "NoSuchCondition"))).anyMatch(e -> e.contains("Fn::If names no condition"));
    }

    @Test
    void errors_dependsOnMissing_reported() throws IOException {
        assertThat(errorsAfter(t -> ((ObjectNode) t.path("Resources").path("LogGroup")).put("DependsOn", "Ghost")))
                .anyMatch(e -> e.contains("Ghost is not a resource"));
    }

    @Test
    void errors_dependencyCycle_reported() throws IOException {
        assertThat(errorsAfter(t -> ((ObjectNode) t.path("Resources").path("Vpc")).put("DependsOn", "PublicSubnet1")))
                .anyMatch(e -> e.contains("a dependency cycle"));
    }

    @Test
    void errors_requiredOutputMissing_reported() throws IOException {
        ObjectNode t = template();
        ((ObjectNode) t.path("Outputs")).remove("ClusterName");
        assertThat(TemplateValidator.errors(t, new TemplateValidator.Expectations(Set.of("ClusterName"), List.of())))
                .contains("Outputs: ClusterName is missing");
    }

    @Test
    void errors_forbiddenValuePresent_reported() throws IOException {
        ObjectNode t = template();
        ((ArrayNode) props(t, "TaskDefinitionWeb").path("ContainerDefinitions").path(0).path("Environment"))
                .addObject().put("Name", "SECRET_KEY_BASE").put("Value", "canary-leaked-value");
        assertThat(TemplateValidator.errors(t, new TemplateValidator.Expectations(Set.of(),
                List.of("canary-leaked-value")))).anyMatch(e -> e.contains("forbidden value"))
                .noneMatch(e -> e.contains("canary-leaked-value"));
    }

    @Test
    void errors_invalidFargatePair_reported() throws IOException {
        assertThat(errorsAfter(t -> props(t, "TaskDefinitionWeb").put("Cpu", "1024").put("Memory", "1024")))
                .anyMatch(e -> e.contains("is no Fargate size"));
    }

    @Test
    void errors_badLogicalId_reportedByTemplateSchema() throws IOException {
        assertThat(errorsAfter(t -> ((ObjectNode) t.path("Resources")).set("log-group",
                t.path("Resources").path("LogGroup").deepCopy()))).anyMatch(e -> e.startsWith("Resources "));
    }

    @Test
    void errors_unknownTopLevelKey_reportedByTemplateSchema() throws IOException {
        assertThat(errorsAfter(t -> t.put("Resource", "oops"))).anyMatch(e -> e.startsWith("template "));
    }

    @Test
    void errors_duplicateInList_reported() throws IOException {
        assertThat(errorsAfter(t -> ((ArrayNode) props(t, "LoadBalancer").path("Subnets")).set(1,
                new ObjectMapper().createObjectNode().put("Ref", "PublicSubnet1"))))
                .anyMatch(e -> e.startsWith("Resources/LoadBalancer/Properties"));
    }
}
