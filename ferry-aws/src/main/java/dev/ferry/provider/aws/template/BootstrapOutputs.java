package dev.ferry.provider.aws.template;

import dev.ferry.FerryException;
import java.util.Map;

/**
 * What the once-per-account-and-region bootstrap stack gives the app stacks: its CloudFormation outputs by these
 * keys.
 *
 * @param artifactBucket the S3 bucket build contexts are uploaded to
 * @param imageRepositoryUri the ECR repository images are pushed to (tags: PROJECT-SERVICE-CONTEXTHASH)
 * @param buildProject the CodeBuild project that builds an uploaded context and pushes the image
 * @param buildLogGroup the CloudWatch log group of the builds
 */
public record BootstrapOutputs(String artifactBucket, String imageRepositoryUri, String buildProject,
                               String buildLogGroup) {

    public static final String ARTIFACT_BUCKET = "ArtifactBucket";
    public static final String IMAGE_REPOSITORY_URI = "ImageRepositoryUri";
    public static final String BUILD_PROJECT = "BuildProject";
    public static final String BUILD_LOG_GROUP = "BuildLogGroup";

    /** @throws FerryException ENVIRONMENT when the bootstrap stack lacks an output (made by an older ferry?) */
    public static BootstrapOutputs from(Map<String, String> outputs) {
        return new BootstrapOutputs(need(outputs, ARTIFACT_BUCKET), need(outputs, IMAGE_REPOSITORY_URI),
                need(outputs, BUILD_PROJECT), need(outputs, BUILD_LOG_GROUP));
    }

    private static String need(Map<String, String> outputs, String key) {
        String value = outputs.get(key);
        if (value == null || value.isBlank()) {
            throw FerryException.environment("the ferry-bootstrap stack has no output " + key,
                    "run ferry compose up again to update it, or delete the ferry-bootstrap stack");
        }
        return value;
    }
}
