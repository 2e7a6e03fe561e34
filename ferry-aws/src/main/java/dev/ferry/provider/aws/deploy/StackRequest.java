package dev.ferry.provider.aws.deploy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stack to create or update.
 *
 * @param stackName the CloudFormation stack
 * @param templateBody the template, JSON
 * @param parameters the parameters to pass (others keep their template default)
 * @param tags stack tags (ferry marks its stacks and the bootstrap's template version with them)
 * @param templateBucket where a template larger than CloudFormation's inline limit is uploaded; empty for the
 *     bootstrap stack, whose template is small
 */
public record StackRequest(String stackName, String templateBody, List<StackParameter> parameters,
                           Map<String, String> tags, Optional<String> templateBucket) {

    public StackRequest {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(templateBody, "templateBody");
        parameters = List.copyOf(parameters);
        tags = Map.copyOf(tags);
        Objects.requireNonNull(templateBucket, "templateBucket");
    }
}
