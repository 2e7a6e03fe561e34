package dev.ferry.provider.aws.ops;

import dev.ferry.FerryException;
import dev.ferry.provider.aws.AwsSettings;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * A CloudFormation stack as DescribeStacks shows it.
 *
 * @param id the stack's id (its ARN): a deleted stack is still found by id, not by name
 * @param name the stack's name
 * @param status e.g. CREATE_COMPLETE, UPDATE_IN_PROGRESS
 * @param outputs the outputs by key
 * @param parameters the parameters by key
 */
public record DeployedStack(String id, String name, String status, Map<String, String> outputs, Map<String, String> parameters) {

    public DeployedStack {
        outputs = Map.copyOf(outputs);
        parameters = Map.copyOf(parameters);
    }

    /**
     * The stack, or empty when it does not exist (never deployed, or deleted).
     *
     * @param name its name, or its id to see it after a delete (status DELETE_COMPLETE)
     */
    public static Optional<DeployedStack> find(CloudFormationClient cloudFormation, String name) {
        try {
            return cloudFormation.describeStacks(b -> b.stackName(name)).stacks().stream().findFirst()
                    .map(DeployedStack::of);
        } catch (AwsServiceException e) {
            // CloudFormation answers a missing stack with a ValidationException "Stack with id NAME does not exist"
            if ("ValidationError".equals(AwsCall.code(e)) || "ValidationException".equals(AwsCall.code(e))) {
                String message = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorMessage();
                if (message != null && message.contains("does not exist")) {
                    return Optional.empty();
                }
            }
            throw AwsCall.map("cloudformation:DescribeStacks", e);
        } catch (SdkException e) {
            throw AwsCall.map("cloudformation:DescribeStacks", e);
        }
    }

    /** The app stack, or the one line that says it was never deployed and how to deploy it. */
    public static DeployedStack require(CloudFormationClient cloudFormation, AwsSettings settings) {
        return find(cloudFormation, settings.appStackName()).orElseThrow(() -> notDeployed(settings));
    }

    static FerryException notDeployed(AwsSettings settings) {
        return FerryException.badInput("\"" + settings.project() + "\" (stack " + settings.provider().stack()
                + ") is not deployed to AWS in " + settings.region(), "deploy it with ferry compose up --provider aws"
                + ("beta".equals(settings.provider().stack()) ? "" : " --stack " + settings.provider().stack()));
    }

    public boolean inProgress() {
        return status.endsWith("_IN_PROGRESS");
    }

    private static DeployedStack of(Stack stack) {
        Map<String, String> outputs = new TreeMap<>();
        stack.outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue() == null ? "" : o.outputValue()));
        Map<String, String> parameters = new TreeMap<>();
        stack.parameters().forEach(p -> parameters.put(p.parameterKey(),
                p.parameterValue() == null ? "" : p.parameterValue()));
        return new DeployedStack(stack.stackId(), stack.stackName(), stack.stackStatusAsString(), outputs, parameters);
    }
}
