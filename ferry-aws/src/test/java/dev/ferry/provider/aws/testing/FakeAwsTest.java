package dev.ferry.provider.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.provider.aws.AwsClients;
import dev.ferry.provider.aws.testing.FakeAws.Response;
import org.junit.jupiter.api.Test;

class FakeAwsTest {

    @Test
    void operations_eachProtocol_recognisedAndAnswered() {
        try (FakeAws aws = new FakeAws(); AwsClients clients = new AwsClients(aws.env())) {
            aws.on("CloudFormation.DescribeStacks", r -> Response.xml("""
                    <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                      <DescribeStacksResult><Stacks><member><StackName>s</StackName><StackStatus>CREATE_COMPLETE</StackStatus>
                      <CreationTime>2026-11-25T10:00:00Z</CreationTime></member></Stacks></DescribeStacksResult>
                    </DescribeStacksResponse>"""));
            aws.on("AmazonSSM.GetParameter", r -> Response.json("{\"Parameter\":{\"Name\":\"/a\",\"Value\":\"v\"}}"));
            aws.on("S3.PUT", r -> Response.empty());
            aws.on("STS.GetCallerIdentity", r -> Response.xml("""
                    <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                      <GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/u</Arn><UserId>U</UserId>
                      <Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>"""));

            assertThat(clients.cloudFormation().describeStacks(b -> b.stackName("s")).stacks().get(0).stackStatusAsString())
                    .isEqualTo("CREATE_COMPLETE");
            assertThat(clients.ssm().getParameter(b -> b.name("/a").withDecryption(true)).parameter().value())
                    .isEqualTo("v");
            clients.s3().putObject(b -> b.bucket("bkt").key("k/ctx.tar.gz"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
            assertThat(clients.sts().getCallerIdentity().account()).isEqualTo("123456789012");

            assertThat(aws.unexpected()).isEmpty();
            assertThat(aws.requests("CloudFormation.DescribeStacks").get(0).form()).containsEntry("StackName", "s");
            assertThat(aws.requests("S3.PUT").get(0).path()).startsWith("/bkt/k/ctx.tar.gz");
        }
    }
}
