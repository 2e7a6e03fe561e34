package dev.ferry.provider.aws.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.FerryException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.TemplateStage;

/**
 * What deleting an app stack does to its databases, read from the stack's own template (GetTemplate): each RDS
 * instance and ElastiCache group's DeletionPolicy, Snapshot or Delete per mode. {@link #withoutSnapshots} is the same
 * template with every database set to Delete and RDS deletion protection off, for --force-destroy.
 *
 * @param template the stack's original template (JSON, as ferry writes it)
 * @param snapshotted the databases (logical ids) that leave a final snapshot when deleted
 * @param unsnapshotted the databases deleted without one
 */
public record DatabasePolicies(ObjectNode template, List<String> snapshotted, List<String> unsnapshotted) {

    /** CloudFormation's limit on a TemplateBody; larger templates go through S3. */
    static final int TEMPLATE_BODY_LIMIT = 51_200;

    private static final Set<String> DATABASE_TYPES = Set.of("AWS::RDS::DBInstance", "AWS::RDS::DBCluster",
            "AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster");
    private static final ObjectMapper JSON = new ObjectMapper();

    public DatabasePolicies {
        snapshotted = List.copyOf(snapshotted);
        unsnapshotted = List.copyOf(unsnapshotted);
    }

    public static DatabasePolicies of(CloudFormationClient cloudFormation, String stackId) {
        String body = AwsCall.run("cloudformation:GetTemplate", () -> cloudFormation.getTemplate(b -> b
                .stackName(stackId).templateStage(TemplateStage.ORIGINAL))).templateBody();
        JsonNode template;
        try {
            template = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            template = null;
        }
        if (!(template instanceof ObjectNode object)) {
            throw FerryException.failed("the template of stack " + stackId + " is not the JSON ferry writes",
                    "run ferry compose up --provider aws to update the stack first", null);
        }
        List<String> snapshotted = new ArrayList<>();
        List<String> unsnapshotted = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (DATABASE_TYPES.contains(resource.getValue().path("Type").asText())) {
                String policy = resource.getValue().path("DeletionPolicy").asText("Delete");
                (policy.equals("Snapshot") || policy.equals("Retain") ? snapshotted : unsnapshotted).add(resource.getKey());
            }
        }
        return new DatabasePolicies(object, snapshotted, unsnapshotted);
    }

    /** The template with every database's DeletionPolicy Delete and RDS DeletionProtection off, as a compact body. */
    public String withoutSnapshots() {
        ObjectNode copy = template.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = copy.path("Resources").fields(); it.hasNext(); ) {
            JsonNode resource = it.next().getValue();
            if (resource instanceof ObjectNode node && DATABASE_TYPES.contains(node.path("Type").asText())) {
                node.put("DeletionPolicy", "Delete").put("UpdateReplacePolicy", "Delete");
                if (node.path("Properties") instanceof ObjectNode properties && properties.has("DeletionProtection")) {
                    properties.put("DeletionProtection", false);
                }
            }
        }
        String body = copy.toString();
        if (body.length() > TEMPLATE_BODY_LIMIT) {
            throw FerryException.failed("the stack's template is too large to resubmit without S3 ("
                    + body.length() + " bytes)", "run down without --force-destroy, then delete the final snapshots "
                    + "in the RDS and ElastiCache consoles", null);
        }
        return body;
    }
}
