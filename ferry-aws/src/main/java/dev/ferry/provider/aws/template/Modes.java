package dev.ferry.provider.aws.template;

import dev.ferry.provider.DeploymentMode;

/**
 * What each deployment mode means on AWS: the one table (docs/aws.md shows it, generated from here).
 */
public final class Modes {

    /**
     * One mode's choices.
     *
     * @param capacityProvider FARGATE_SPOT or FARGATE for the ECS services
     * @param natGateways 0 (tasks run in the public subnets with a public IP), 1 (shared) or 2 (one per zone)
     * @param dbInstanceClass the RDS instance class
     * @param dbMultiAz RDS Multi-AZ (a standby in the other zone)
     * @param dbBackupRetentionDays RDS automated backups kept this many days
     * @param cacheNodeType the ElastiCache node type
     * @param cacheReplicas read replicas beside the primary (with automatic failover when more than 0)
     * @param logRetentionDays CloudWatch Logs retention of the stack's log group
     * @param deletionProtection RDS deletion protection
     * @param finalSnapshot RDS and ElastiCache DeletionPolicy Snapshot (else Delete)
     * @param minTasks the fewest tasks a long-running service with replicas runs
     */
    public record Settings(String capacityProvider, int natGateways, String dbInstanceClass, boolean dbMultiAz,
                           int dbBackupRetentionDays, String cacheNodeType, int cacheReplicas, int logRetentionDays,
                           boolean deletionProtection, boolean finalSnapshot, int minTasks) {

        /** Tasks run in the public subnets (with a public IP) when there is no NAT gateway to reach out through. */
        public boolean tasksInPublicSubnets() {
            return natGateways == 0;
        }
    }

    private static final Settings AFFORDABLE = new Settings("FARGATE_SPOT", 0, "db.t4g.micro", false, 1,
            "cache.t4g.micro", 0, 7, false, false, 1);
    private static final Settings BALANCED = new Settings("FARGATE", 1, "db.t4g.small", false, 7,
            "cache.t4g.small", 0, 14, false, true, 1);
    private static final Settings HIGH_AVAILABILITY = new Settings("FARGATE", 2, "db.t4g.medium", true, 14,
            "cache.t4g.medium", 1, 30, true, true, 2);

    private Modes() {
    }

    public static Settings of(DeploymentMode mode) {
        return switch (mode) {
            case AFFORDABLE -> AFFORDABLE;
            case BALANCED -> BALANCED;
            case HIGH_AVAILABILITY -> HIGH_AVAILABILITY;
        };
    }

    /** The table as Markdown, the form docs/aws.md carries (a test keeps the two equal). */
    public static String markdownTable() {
        StringBuilder out = new StringBuilder("| | affordable | balanced | high_availability |\n|---|---|---|---|\n");
        row(out, "ECS capacity", s -> s.capacityProvider());
        row(out, "NAT gateways", s -> s.natGateways() == 0 ? "0 (tasks in public subnets, public IP)"
                : s.natGateways() == 1 ? "1 (shared by both zones)" : s.natGateways() + " (one per zone)");
        row(out, "RDS instance class", Settings::dbInstanceClass);
        row(out, "RDS Multi-AZ", s -> yesNo(s.dbMultiAz()));
        row(out, "RDS backups kept (days)", s -> String.valueOf(s.dbBackupRetentionDays()));
        row(out, "ElastiCache node type", Settings::cacheNodeType);
        row(out, "ElastiCache replicas", s -> s.cacheReplicas() == 0 ? "0 (one node)"
                : s.cacheReplicas() + " (automatic failover, Multi-AZ)");
        row(out, "Log retention (days)", s -> String.valueOf(s.logRetentionDays()));
        row(out, "Deletion protection (RDS)", s -> yesNo(s.deletionProtection()));
        row(out, "Final snapshot on delete (RDS, ElastiCache)", s -> yesNo(s.finalSnapshot()));
        row(out, "Min tasks per service", s -> String.valueOf(s.minTasks()));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, java.util.function.Function<Settings, String> cell) {
        out.append("| ").append(label);
        for (DeploymentMode mode : DeploymentMode.values()) {
            out.append(" | ").append(cell.apply(of(mode)));
        }
        out.append(" |\n");
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
