package dev.ferry.provider.aws.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.FerryException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsCallTest {

    private static AwsServiceException service(String code, int status) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("aws text").build()).build();
    }

    @Test
    void map_noCredentials_isEnvironmentWithTheFix() {
        FerryException e = AwsCall.map("ecs:ListTasks", SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain"));
        assertThat(e.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
        assertThat(e.getMessage()).isEqualTo("no AWS credentials found");
        assertThat(e.hint()).contains("aws sso login").contains("AWS_PROFILE");
    }

    @Test
    void map_serviceCodes_becomeTheirKinds() {
        assertThat(AwsCall.map("x:Y", service("ExpiredToken", 403)).getMessage()).contains("expired");
        assertThat(AwsCall.map("cloudformation:DeleteStack", service("AccessDenied", 403)).getMessage())
                .isEqualTo("AWS denied cloudformation:DeleteStack to these credentials");
        assertThat(AwsCall.map("x:Y", service("InvalidClientTokenId", 403)).kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
        FerryException throttled = AwsCall.map("logs:FilterLogEvents", service("ThrottlingException", 400));
        assertThat(throttled.kind()).isEqualTo(FerryException.Kind.FAILED);
        assertThat(throttled.getMessage()).contains("after retries");
        FerryException other = AwsCall.map("ecs:DescribeServices", service("ClusterNotFoundException", 400));
        assertThat(other.getMessage()).isEqualTo("AWS refused ecs:DescribeServices (ClusterNotFoundException)")
                .doesNotContain("aws text");
    }

    @Test
    void map_ssmFailure_carriesNoCause() {
        assertThat(AwsCall.map("ssm:PutParameter", service("ValidationException", 400)).getCause()).isNull();
        assertThat(AwsCall.map("ecs:RunTask", service("ValidationException", 400)).getCause()).isNotNull();
    }
}
