package dev.ferry.compose.load;

import dev.ferry.compose.ComposeService;

/** Small facts about a service that the checks and the providers agree on. */
public final class ComposeRules {

    private ComposeRules() {
    }

    /** A service with {@code restart: "no"} runs once to completion (a release phase, a migration). */
    public static boolean isRunOnce(ComposeService service) {
        return "no".equals(service.restart());
    }

    /** A managed Postgres (x-defang-postgres: true). */
    public static boolean isManagedPostgres(ComposeService service) {
        return Boolean.TRUE.equals(service.extensions().get("x-defang-postgres"));
    }

    /** A managed Redis (x-defang-redis: true). */
    public static boolean isManagedRedis(ComposeService service) {
        return Boolean.TRUE.equals(service.extensions().get("x-defang-redis"));
    }

    /** deploy.replicas, 1 when not set. */
    public static int replicas(ComposeService service) {
        return service.deploy() == null || service.deploy().replicas() == null ? 1 : service.deploy().replicas();
    }
}
