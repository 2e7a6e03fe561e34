package dev.ferry.provider.aws.data;

import dev.ferry.FerryException;
import dev.ferry.compose.ComposeService;
import dev.ferry.compose.load.ComposeRules;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.data.deployed.DataKind;
import dev.ferry.data.deployed.DatabaseServiceChoice;
import dev.ferry.provider.aws.ops.DeployedStack;
import dev.ferry.provider.aws.template.AppStackOutputs;
import dev.ferry.provider.aws.template.LogicalIds;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The managed database a mover task copies into, from the app stack's outputs: where it answers inside the VPC, who
 * to connect as, and where its password is (a Secrets Manager secret the task's execution role reads). The URL the
 * task gets carries no password: RDS's arrives in PGPASSWORD; ElastiCache has none (in-VPC only, no AUTH).
 *
 * @param service the compose service
 * @param kind Postgres (RDS) or Redis (ElastiCache)
 * @param host the endpoint's address
 * @param port the endpoint's port
 * @param user the RDS master user (Postgres only, else null)
 * @param database the RDS database name (Postgres only, else null)
 * @param secretArn the RDS password's secret (Postgres only, else null)
 * @param postgresMajor the major of the compose image's tag (17 when it names none), for the mover image's tools
 */
public record MoverTarget(String service, DataKind kind, String host, int port, String user, String database,
                          String secretArn, int postgresMajor) {

    static final int DEFAULT_POSTGRES_MAJOR = 17;

    /** postgres://USER@HOST:PORT/DB?sslmode=require (RDS), or redis://HOST:PORT (ElastiCache, no TLS in transit). */
    public String url() {
        return kind == DataKind.POSTGRES
                ? "postgres://" + user + "@" + host + ":" + port + "/" + database + "?sslmode=require"
                : "redis://" + host + ":" + port;
    }

    /** The ECS secret's valueFrom for PGPASSWORD: the secret's "password" JSON key. */
    public Optional<String> passwordValueFrom() {
        return kind == DataKind.POSTGRES ? Optional.of(secretArn + ":password::") : Optional.empty();
    }

    /** In words, for the plan. */
    public String describe() {
        return (kind == DataKind.POSTGRES ? "RDS PostgreSQL " + host + ":" + port + "/" + database + " as " + user
                + " (password from Secrets Manager, never read by ferry)" : "ElastiCache " + host + ":" + port)
                + ", service " + service;
    }

    /**
     * The target of {@code kind} in the deployed stack.
     *
     * @param serviceName --to-service, or null for the only managed database of {@code kind}
     */
    public static MoverTarget of(LoadedCompose compose, DeployedStack stack, DataKind kind, String serviceName) {
        ComposeService service = choose(compose, kind, serviceName);
        String id = LogicalIds.of(service.name());
        String endpoint = output(stack, AppStackOutputs.ENDPOINT_PREFIX + id);
        int colon = endpoint.lastIndexOf(':');
        if (colon < 0 || !endpoint.substring(colon + 1).matches("\\d+")) {
            throw outdated(stack, AppStackOutputs.ENDPOINT_PREFIX + id);
        }
        String host = endpoint.substring(0, colon);
        int port = Integer.parseInt(endpoint.substring(colon + 1));
        if (kind == DataKind.REDIS) {
            return new MoverTarget(service.name(), kind, host, port, null, null, null, DEFAULT_POSTGRES_MAJOR);
        }
        return new MoverTarget(service.name(), kind, host, port, output(stack, AppStackOutputs.DATABASE_USER_PREFIX + id),
                output(stack, AppStackOutputs.DATABASE_NAME_PREFIX + id),
                output(stack, AppStackOutputs.DATABASE_SECRET_PREFIX + id), major(service.image()));
    }

    /** Only a managed database (x-defang-postgres / x-defang-redis) is one the stack runs. */
    private static ComposeService choose(LoadedCompose compose, DataKind kind, String serviceName) {
        String kindName = kind == DataKind.POSTGRES ? "Postgres" : "Redis";
        return new DatabaseServiceChoice("managed " + kindName + " service", "x-defang-" + kind.label() + ": true",
                s -> isKind(s, kind), "mark the database service with x-defang-" + kind.label() + ": true and deploy"
                        + " (the aws stack runs a database for those only), or give --to-url")
                .choose(compose, compose.file().getFileName().toString(), serviceName);
    }

    private static boolean isKind(ComposeService service, DataKind kind) {
        return kind == DataKind.POSTGRES ? ComposeRules.isManagedPostgres(service) : ComposeRules.isManagedRedis(service);
    }

    /** postgres:16 → 16, postgres:16.4-alpine → 16; 17 without a tag ferry can read (as the template does). */
    static int major(String image) {
        if (image == null) {
            return DEFAULT_POSTGRES_MAJOR;
        }
        Matcher m = Pattern.compile(":(\\d+)(?:[.\\-].*)?$").matcher(image);
        if (m.find()) {
            int major = Integer.parseInt(m.group(1));
            if (major >= 13 && major <= 17) {
                return major;
            }
        }
        return DEFAULT_POSTGRES_MAJOR;
    }

    static String output(DeployedStack stack, String key) {
        String value = stack.outputs().get(key);
        if (value == null || value.isBlank()) {
            throw outdated(stack, key);
        }
        return value;
    }

    private static FerryException outdated(DeployedStack stack, String key) {
        return FerryException.badInput("stack " + stack.name() + " has no output " + key
                        + " (it was deployed by an older ferry, or changed outside ferry)",
                "run `ferry compose up --provider aws` once to update the stack, then migrate again");
    }
}
