package dev.ferry.provider.aws;

import dev.ferry.FerryException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The one place AWS SDK clients are made: the region and credentials from the default chain (AWS_PROFILE,
 * AWS_REGION, SSO, environment keys), or from the given environment when it carries them; every client pointed at
 * AWS_ENDPOINT_URL when it is set (the tests' local fake; also LocalStack-style endpoints). Each kind of client is
 * made once, on first use, and they are closed together.
 */
public final class AwsClients implements AutoCloseable {

    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Optional<URI> endpoint;
    private final Map<Class<?>, AutoCloseable> made = new java.util.LinkedHashMap<>();

    public AwsClients(Map<String, String> env) {
        this.region = Region.of(regionName(env));
        this.endpoint = Optional.ofNullable(env.get("AWS_ENDPOINT_URL")).filter(s -> !s.isBlank()).map(URI::create);
        String keyId = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        this.credentials = keyId != null && secret != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret))
                : DefaultCredentialsProvider.builder().build();
    }

    /** AWS_REGION, else AWS_DEFAULT_REGION; empty when neither is set. */
    public static Optional<String> configuredRegion(Map<String, String> env) {
        return Optional.ofNullable(env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION")))
                .filter(name -> !name.isBlank());
    }

    /** @throws FerryException ENVIRONMENT when no region is set */
    public static String regionName(Map<String, String> env) {
        return configuredRegion(env).orElseThrow(() -> FerryException.environment("no AWS region is set",
                "export AWS_REGION=us-east-1 (or the region to deploy to), or set region in your AWS profile"));
    }

    public Region region() {
        return region;
    }

    public CloudFormationClient cloudFormation() {
        return make(CloudFormationClient.class, CloudFormationClient.builder());
    }

    public S3Client s3() {
        // path-style: a local endpoint has no bucket sub-domains
        return make(S3Client.class, S3Client.builder().forcePathStyle(endpoint.isPresent()));
    }

    public CodeBuildClient codeBuild() {
        return make(CodeBuildClient.class, CodeBuildClient.builder());
    }

    public EcrClient ecr() {
        return make(EcrClient.class, EcrClient.builder());
    }

    public EcsClient ecs() {
        return make(EcsClient.class, EcsClient.builder());
    }

    public SsmClient ssm() {
        return make(SsmClient.class, SsmClient.builder());
    }

    public CloudWatchLogsClient logs() {
        return make(CloudWatchLogsClient.class, CloudWatchLogsClient.builder());
    }

    public StsClient sts() {
        return make(StsClient.class, StsClient.builder());
    }

    private synchronized <C extends AutoCloseable, B extends AwsClientBuilder<B, C>> C make(Class<C> kind, B builder) {
        AutoCloseable existing = made.get(kind);
        if (existing != null) {
            return kind.cast(existing);
        }
        builder.region(region).credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        C client = builder.build();
        made.put(kind, client);
        return client;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable client : made.values()) {
            try {
                client.close();
            } catch (Exception ignored) {
                // closing an idle HTTP client cannot fail in a way the user could act on
            }
        }
        made.clear();
    }
}
