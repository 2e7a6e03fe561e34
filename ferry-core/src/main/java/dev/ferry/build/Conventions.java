package dev.ferry.build;

/**
 * The parts every ferry Dockerfile shares, in one place: curl for ferry's web healthcheck
 * ({@code curl -s -o /dev/null http://127.0.0.1:$PORT/}), a non-root user, $PORT with Heroku's local default, and
 * the start command. All runtime images are Debian or Ubuntu based, so apt-get and useradd exist.
 */
final class Conventions {

    /** The app's user; numeric so COPY --chown works on every engine. */
    static final String USER_ID = "10001";
    static final String CHOWN = "--chown=" + USER_ID + ":" + USER_ID;
    /** The port `heroku local` uses; compose sets PORT for each service. */
    static final String DEFAULT_PORT = "5000";

    private Conventions() {
    }

    /** Installs curl when the image lacks it (plus {@code extraPackages}) and adds the app's user. */
    static void runtimeSetup(DockerfileText df, String extraPackages) {
        String packages = ("curl ca-certificates " + extraPackages).trim();
        String install = "apt-get update -qq && apt-get install -y -qq --no-install-recommends " + packages
                + " >/dev/null && rm -rf /var/lib/apt/lists/*";
        df.run(extraPackages.isEmpty() ? "(command -v curl >/dev/null 2>&1 || (" + install + "))" : install,
                "useradd --create-home --uid " + USER_ID + " --user-group --shell /bin/sh app",
                "mkdir -p /app && chown " + USER_ID + ":" + USER_ID + " /app");
    }

    /**
     * The runtime stage's working folder and its one ENV: $PORT with Heroku's local default plus the recipe's own
     * {@code variables} ("NAME=value"). One ENV, not one per concern: every instruction is a step the engine checks
     * against its cache on each rebuild (Podman 4 spends 0.1-0.3 s per step), and a constant PORT never
     * invalidates the layers after it.
     */
    static void workdirAndEnv(DockerfileText df, String... variables) {
        df.line("WORKDIR /app");
        df.line(String.join(" ", "ENV PORT=" + DEFAULT_PORT, String.join(" ", variables)).strip());
    }

    /**
     * The exposed port, the user and the start command. Written before the app's files are copied in: these are
     * metadata, and with Podman every instruction after a changed layer is committed again, so a code-only change
     * would pay for each of them.
     */
    static void finish(DockerfileText df, String startCommand) {
        df.comment("User and command before the app's files: a code change rebuilds only the layers below.");
        df.line("EXPOSE " + DEFAULT_PORT);
        df.line("USER " + USER_ID);
        df.line("CMD " + startCommand);
    }

    /** The command a container runs when ferry found none: it says what to do and fails. */
    static String missingStartCommand(String service) {
        return "echo \"ferry found no start command for " + service
                + ": add a Procfile or set command: in compose.yaml\" >&2; exit 1";
    }
}
