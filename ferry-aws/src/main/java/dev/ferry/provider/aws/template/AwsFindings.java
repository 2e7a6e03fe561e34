package dev.ferry.provider.aws.template;

/** The stable codes of what the app template cannot carry over from compose (docs/aws.md lists each). */
public final class AwsFindings {

    /** A named volume or bind mount on a service that is not a managed database: Fargate tasks keep no disk. */
    public static final String UNSUPPORTED_VOLUME = "aws-unsupported-volume";
    /** A published UDP port or port range: the load balancer serves HTTP on single TCP ports. */
    public static final String UNSUPPORTED_PORT = "aws-unsupported-port";
    /** A second service publishing the port the first already has on the load balancer. */
    public static final String PORT_CONFLICT = "aws-port-conflict";
    /** More CPU or memory than the largest Fargate size: the largest size is used. */
    public static final String SIZE_TOO_LARGE = "aws-size-too-large";
    /** An environment value built from config names needs a command to wrap; the service has none in compose. */
    public static final String COMPOSED_ENV_WITHOUT_COMMAND = "aws-composed-env-without-command";
    /** A config name the services read is not set in SSM yet. */
    public static final String CONFIG_NOT_SET = "aws-config-not-set";
    /** A managed database's engine version could not be read from its image tag: AWS's default is used. */
    public static final String ENGINE_VERSION_DEFAULT = "aws-engine-version-default";
    /** A run-once task (the release) cannot reach other compose services by name: Service Connect is for services. */
    public static final String RELEASE_DISCOVERY = "aws-release-discovery";

    private AwsFindings() {
    }
}
