package dev.ferry.provider.aws.template;

/** Names and ARNs the app template derives from the project, stack and bootstrap (Fn::Sub texts where noted). */
record AwsNames(AppStackInput input) {

    String logGroup() {
        return "/ferry/" + input.settings().project() + "/" + input.settings().provider().stack();
    }

    String family(String service) {
        return input.settings().appStackName() + "-" + service;
    }

    /** Fn::Sub text: the ARN of the SSM parameter holding config {@code name} ("*" for all of the stack's). */
    String parameterArn(String name) {
        return "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter"
                + Cfn.subLiteral(input.settings().parameterPrefix() + name);
    }

    /** Fn::Sub text: the bootstrap repository's ARN, from its URI ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME. */
    String repositoryArn() {
        String uri = input.bootstrap().imageRepositoryUri();
        String name = uri.substring(uri.indexOf('/') + 1);
        return "arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/" + Cfn.subLiteral(name);
    }
}
