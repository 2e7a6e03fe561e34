package dev.ferry.provider.aws.data;

import dev.ferry.data.deployed.DataKind;
import java.util.ArrayList;
import java.util.List;

/**
 * STAND-IN (aws-mover branch) for the mover-image helper's class of the same name, which the lead keeps on merge:
 * the arguments the mover task runs after the image's entrypoint. URLs are never arguments: they come from the
 * environment variables named here.
 */
public final class MoverCommand {

    public static final String SOURCE_URL_ENV = "FERRY_SOURCE_URL";
    public static final String TARGET_URL_ENV = "FERRY_TARGET_URL";
    /** libpq's variable: the password of a postgres URL that has none. */
    public static final String PASSWORD_ENV = "PGPASSWORD";

    private MoverCommand() {
    }

    public static List<String> command(DataKind kind, int jobs, boolean force) {
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
