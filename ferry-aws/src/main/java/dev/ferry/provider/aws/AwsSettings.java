package dev.ferry.provider.aws;

import dev.ferry.provider.ProviderSettings;

/**
 * Where and how a project is deployed in AWS.
 *
 * @param region the AWS region (AWS_REGION, else AWS_DEFAULT_REGION, else the profile's)
 * @param project the compose project's name
 * @param provider the stack, mode and domain shared with the other providers
 */
public record AwsSettings(String region, String project, ProviderSettings provider) {

    /** The CloudFormation stack of this project and stack name, e.g. ferry-shop-beta. */
    public String appStackName() {
        return "ferry-" + project + "-" + provider.stack();
    }

    /** The once-per-account-and-region stack: bucket, repositories, CodeBuild project, roles, log groups. */
    public static String bootstrapStackName() {
        return "ferry-bootstrap";
    }

    /** Where config values live in SSM Parameter Store: /ferry/PROJECT/STACK/ (followed by the NAME). */
    public String parameterPrefix() {
        return "/ferry/" + project + "/" + provider.stack() + "/";
    }
}
