package dev.ferry.provider.aws.data;

import dev.ferry.data.ConnectionUrl;
import dev.ferry.data.deployed.DataKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What the data mover's task runs after the image's entrypoint ({@code java … -jar ferry.jar}). The URLs are never
 * arguments (a task's command is visible in the ECS console and API): they come from the environment variables
 * named here, read through ferry's {@code env:NAME}. The target URL carries no password; RDS's arrives in
 * {@code PGPASSWORD}, which ferry applies to a postgres URL without one (libpq's rule).
 */
public final class MoverCommand {

    public static final String SOURCE_URL_ENV = "FERRY_SOURCE_URL";
    public static final String TARGET_URL_ENV = "FERRY_TARGET_URL";
    /** libpq's variable: the password of a postgres URL that has none. */
    public static final String PASSWORD_ENV = ConnectionUrl.PASSWORD_ENV;

    private MoverCommand() {
    }

    /**
     * {@code data migrate --from-url env:FERRY_SOURCE_URL --to-url env:FERRY_TARGET_URL --yes [--jobs N] [--force]};
     * {@code --jobs} is Postgres's only. The user confirmed the plan on their machine before the task started, hence
     * {@code --yes}; a non-empty target without {@code force} still ends the task with exit 2 and the listing.
     */
    public static List<String> command(DataKind kind, int jobs, boolean force) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be 1 or more, was " + jobs);
        }
        List<String> args = new ArrayList<>(List.of("data", "migrate",
                "--from-url", "env:" + SOURCE_URL_ENV, "--to-url", "env:" + TARGET_URL_ENV, "--yes"));
        if (kind == DataKind.POSTGRES) {
            args.add("--jobs");
            args.add(Integer.toString(jobs));
        }
        if (force) {
            args.add("--force");
        }
        return List.copyOf(args);
    }
}
