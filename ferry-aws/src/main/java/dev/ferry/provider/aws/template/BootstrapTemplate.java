package dev.ferry.provider.aws.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The once-per-account-and-region stack {@code ferry-bootstrap}: the S3 bucket build contexts are uploaded to, one ECR
 * repository, the CodeBuild project that builds and pushes images, its role (least privilege) and its log group.
 * The template carries {@link #VERSION} in Metadata and as an output, so a deployer can tell an older stack.
 */
public final class BootstrapTemplate {

    /** Raise when the template changes; the deployer updates a bootstrap stack whose version is lower. */
    public static final int VERSION = 1;
    /** The output (and Metadata key under "Ferry") that carries {@link #VERSION}. */
    public static final String VERSION_OUTPUT = "TemplateVersion";
    /** Build contexts older than this are deleted by the bucket's lifecycle rule. */
    public static final int CONTEXT_EXPIRY_DAYS = 30;
    /** The CodeBuild environment variable holding the repository URI (the buildspec tags images with it). */
    public static final String REPOSITORY_URI_VARIABLE = "REPOSITORY_URI";

    private BootstrapTemplate() {
    }

    public static ObjectNode build() {
        ObjectNode template = Cfn.object();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", "ferry bootstrap: build contexts, images and the image builder (v" + VERSION + ")");
        template.putObject("Metadata").putObject("Ferry").put(VERSION_OUTPUT, String.valueOf(VERSION));
        ObjectNode resources = template.putObject("Resources");
        bucket(resources);
        repository(resources);
        logGroup(resources);
        buildRole(resources);
        buildProject(resources);
        ObjectNode outputs = template.putObject("Outputs");
        output(outputs, BootstrapOutputs.ARTIFACT_BUCKET, Cfn.ref("ArtifactBucket"));
        output(outputs, BootstrapOutputs.IMAGE_REPOSITORY_URI, Cfn.getAtt("ImageRepository", "RepositoryUri"));
        output(outputs, BootstrapOutputs.BUILD_PROJECT, Cfn.ref("BuildProject"));
        output(outputs, BootstrapOutputs.BUILD_LOG_GROUP, Cfn.ref("BuildLogGroup"));
        outputs.putObject(VERSION_OUTPUT).put("Value", String.valueOf(VERSION));
        return template;
    }

    private static void output(ObjectNode outputs, String key, ObjectNode value) {
        outputs.putObject(key).set("Value", value);
    }

    private static void bucket(ObjectNode resources) {
        ObjectNode p = Cfn.resource(resources, "ArtifactBucket", "AWS::S3::Bucket");
        // build contexts are inputs, not records: a deleted stack leaves the bucket (and its objects) for the user
        Cfn.deletionPolicy(resources, "ArtifactBucket", "Retain");
        p.putObject("BucketEncryption").putArray("ServerSideEncryptionConfiguration").addObject()
                .putObject("ServerSideEncryptionByDefault").put("SSEAlgorithm", "AES256");
        p.putObject("PublicAccessBlockConfiguration").put("BlockPublicAcls", true).put("BlockPublicPolicy", true)
                .put("IgnorePublicAcls", true).put("RestrictPublicBuckets", true);
        p.putObject("OwnershipControls").putArray("Rules").addObject().put("ObjectOwnership", "BucketOwnerEnforced");
        ObjectNode rule = p.putObject("LifecycleConfiguration").putArray("Rules").addObject();
        rule.put("Id", "expire-build-contexts").put("Status", "Enabled").put("ExpirationInDays", CONTEXT_EXPIRY_DAYS);
        rule.putObject("AbortIncompleteMultipartUpload").put("DaysAfterInitiation", 1);
        p.set("Tags", Cfn.tags("ferry", "bootstrap"));
    }

    private static void repository(ObjectNode resources) {
        ObjectNode p = Cfn.resource(resources, "ImageRepository", "AWS::ECR::Repository");
        p.putObject("ImageScanningConfiguration").put("ScanOnPush", true);
        p.putObject("EncryptionConfiguration").put("EncryptionType", "AES256");
        // tags are PROJECT-SERVICE-CONTEXTHASH: keep the newest 500 images, expire untagged layers after a day
        String policy = "{\"rules\":[{\"rulePriority\":1,\"description\":\"untagged images\",\"selection\":"
                + "{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":1},"
                + "\"action\":{\"type\":\"expire\"}},{\"rulePriority\":2,\"description\":\"keep the newest 500\","
                + "\"selection\":{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":500},"
                + "\"action\":{\"type\":\"expire\"}}]}";
        p.putObject("LifecyclePolicy").put("LifecyclePolicyText", policy);
        p.set("Tags", Cfn.tags("ferry", "bootstrap"));
    }

    private static void logGroup(ObjectNode resources) {
        ObjectNode p = Cfn.resource(resources, "BuildLogGroup", "AWS::Logs::LogGroup");
        p.put("LogGroupName", "/ferry/builds");
        p.put("RetentionInDays", 30);
    }

    private static void buildRole(ObjectNode resources) {
        ObjectNode p = Cfn.resource(resources, "BuildRole", "AWS::IAM::Role");
        p.set("AssumeRolePolicyDocument", assumeRole("codebuild.amazonaws.com"));
        ObjectNode policy = p.putArray("Policies").addObject();
        policy.put("PolicyName", "ferry-build");
        ObjectNode document = policy.putObject("PolicyDocument");
        document.put("Version", "2012-10-17");
        ArrayNode statements = document.putArray("Statement");
        // a log group's Arn attribute already ends in ":*", which covers its streams
        statement(statements, List.of("logs:CreateLogStream", "logs:PutLogEvents"), Cfn.getAtt("BuildLogGroup", "Arn"));
        statement(statements, List.of("s3:GetObject", "s3:GetObjectVersion"),
                Cfn.sub("arn:${AWS::Partition}:s3:::${ArtifactBucket}/*"));
        // GetAuthorizationToken has no resource-level permission: AWS documents "*" for it
        statement(statements, List.of("ecr:GetAuthorizationToken"), Cfn.object().textNode("*"));
        statement(statements, List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage",
                "ecr:CompleteLayerUpload", "ecr:DescribeImages", "ecr:GetDownloadUrlForLayer",
                "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"), Cfn.getAtt("ImageRepository", "Arn"));
    }

    /** The trust policy letting one AWS service assume a role. */
    static ObjectNode assumeRole(String servicePrincipal) {
        ObjectNode document = Cfn.object().put("Version", "2012-10-17");
        ObjectNode statement = document.putArray("Statement").addObject();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Service", servicePrincipal);
        statement.put("Action", "sts:AssumeRole");
        return document;
    }

    /** An Allow statement of these actions on these resources. */
    static void statement(ArrayNode statements, List<String> actions, com.fasterxml.jackson.databind.JsonNode... on) {
        ObjectNode statement = statements.addObject();
        statement.put("Effect", "Allow");
        statement.set("Action", Cfn.strings(actions));
        statement.set("Resource", Cfn.nodes(on));
    }

    private static void buildProject(ObjectNode resources) {
        ObjectNode p = Cfn.resource(resources, "BuildProject", "AWS::CodeBuild::Project");
        p.put("Description", "ferry: builds an uploaded context with docker and pushes the image");
        // each build passes its own source (S3 context) and buildspec; the project only fixes the environment
        p.putObject("Source").put("Type", "NO_SOURCE").put("BuildSpec",
                "version: 0.2\nphases:\n  build:\n    commands:\n      - echo ferry passes a buildspec with each build && exit 1\n");
        p.putObject("Artifacts").put("Type", "NO_ARTIFACTS");
        ObjectNode environment = p.putObject("Environment");
        environment.put("Type", "LINUX_CONTAINER").put("ComputeType", "BUILD_GENERAL1_MEDIUM")
                .put("Image", "aws/codebuild/amazonlinux-x86_64-standard:5.0").put("PrivilegedMode", true);
        environment.putArray("EnvironmentVariables").addObject().put("Name", REPOSITORY_URI_VARIABLE)
                .put("Type", "PLAINTEXT").set("Value", Cfn.getAtt("ImageRepository", "RepositoryUri"));
        p.set("ServiceRole", Cfn.getAtt("BuildRole", "Arn"));
        p.putObject("LogsConfig").putObject("CloudWatchLogs").put("Status", "ENABLED")
                .set("GroupName", Cfn.ref("BuildLogGroup"));
        p.put("TimeoutInMinutes", 60);
        p.set("Tags", Cfn.tags("ferry", "bootstrap"));
    }
}
