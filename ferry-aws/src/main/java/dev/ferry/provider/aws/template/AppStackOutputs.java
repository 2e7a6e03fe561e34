package dev.ferry.provider.aws.template;

/**
 * The output keys of an app stack, the contract between the template and the code that deploys and inspects it.
 * Per-service keys end with the service's logical id ({@link LogicalIds#of}).
 */
public final class AppStackOutputs {

    /** The ECS cluster's name. */
    public static final String CLUSTER = "ClusterName";
    /** The app's URL: https://DOMAIN with a domain, else http://ALB-DNS-NAME. */
    public static final String URL = "Url";
    /** The private subnets, comma-separated, for one-off tasks (the release). */
    public static final String PRIVATE_SUBNETS = "PrivateSubnets";
    /**
     * "ENABLED" when tasks run in the public subnets (no NAT: affordable mode), else "DISABLED": the AssignPublicIp a
     * one-off task needs to pull its image. In that mode {@link #PRIVATE_SUBNETS} lists the (public) task subnets.
     */
    public static final String TASK_ASSIGN_PUBLIC_IP = "TaskAssignPublicIp";
    /** The security group of the services' tasks, for one-off tasks. */
    public static final String TASK_SECURITY_GROUP = "TaskSecurityGroup";
    /** The log group every task writes to (stream prefix: the service name). */
    public static final String LOG_GROUP = "LogGroup";
    /** Prefix: the task definition ARN of a service, e.g. TaskDefinitionRelease. */
    public static final String TASK_DEFINITION_PREFIX = "TaskDefinition";
    /** Prefix: the ECS service name of a long-running service, e.g. ServiceWeb. */
    public static final String SERVICE_PREFIX = "Service";
    /** Prefix: host:port of a managed database (x-defang-postgres / x-defang-redis service), e.g. EndpointDb. */
    public static final String ENDPOINT_PREFIX = "Endpoint";

    /** The ARN of the role ECS starts tasks with (pulls images, reads config and database secrets), for one-off tasks. */
    public static final String TASK_EXECUTION_ROLE = "TaskExecutionRoleArn";
    /** Prefix: the ARN of a managed Postgres's Secrets Manager secret (JSON keys username, password), e.g. DatabaseSecretDb. */
    public static final String DATABASE_SECRET_PREFIX = "DatabaseSecret";
    /** Prefix: a managed Postgres's master user name, e.g. DatabaseUserDb. */
    public static final String DATABASE_USER_PREFIX = "DatabaseUser";
    /** Prefix: a managed Postgres's database name, e.g. DatabaseNameDb. */
    public static final String DATABASE_NAME_PREFIX = "DatabaseName";

    /** The stack parameter that is "false" on the first create (services at 0 tasks until the release ran). */
    public static final String SERVICES_ENABLED_PARAMETER = "ServicesEnabled";

    private AppStackOutputs() {
    }
}
