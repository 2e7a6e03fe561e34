package dev.ferry.data.postgres;

import dev.ferry.FerryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds pg_dump and pg_restore: {@code FERRY_PG_BIN} if set, else the newest {@code /usr/lib/postgresql/N/bin}
 * (Debian keeps several versions side by side and PATH's wrapper may pick an older one), else PATH.
 *
 * @param bin the folder, or null to use PATH
 * @param major the tools' major version
 */
record PgTools(Path bin, int major) {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");
    /** The first major whose pg_restore sets transaction_timeout. */
    private static final int TRANSACTION_TIMEOUT_MAJOR = 17;

    static PgTools locate(Map<String, String> env) {
        Path bin = Optional.ofNullable(env.get("FERRY_PG_BIN")).map(Path::of).orElseGet(PgTools::newestDebian);
        String pgDump = bin == null ? "pg_dump" : bin.resolve("pg_dump").toString();
        try {
            Process process = new ProcessBuilder(pgDump, "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            Matcher m = VERSION.matcher(out);
            if (!m.find()) {
                throw new IOException("unexpected version output: " + out.strip());
            }
            return new PgTools(bin, Integer.parseInt(m.group(1)));
        } catch (IOException e) {
            throw FerryException.environment("pg_dump is not installed (" + e.getMessage() + ")",
                    "install the PostgreSQL client (apt-get install postgresql-client), or set FERRY_PG_BIN to its bin folder");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FerryException.failed("interrupted while looking for pg_dump", null, e);
        }
    }

    String pgDump() {
        return bin == null ? "pg_dump" : bin.resolve("pg_dump").toString();
    }

    String pgRestore() {
        return bin == null ? "pg_restore" : bin.resolve("pg_restore").toString();
    }

    /** pg_dump refuses a server newer than itself; say so before anything starts. */
    void requireAtLeast(int serverMajor) {
        if (serverMajor > major) {
            throw FerryException.environment("pg_dump " + major + " cannot dump the source's PostgreSQL " + serverMajor,
                    "install postgresql-client-" + serverMajor + " and set FERRY_PG_BIN to its bin folder");
        }
    }

    /**
     * From 17 on, pg_restore starts with {@code SET transaction_timeout}, which an older server rejects before anything
     * is restored. Say so at the plan: older tools do it for an older source, nothing does for a newer one.
     */
    void requireRestorableInto(int targetMajor, int sourceMajor) {
        if (major < TRANSACTION_TIMEOUT_MAJOR || targetMajor >= TRANSACTION_TIMEOUT_MAJOR) {
            return;
        }
        String problem = "pg_restore " + major + " cannot restore into the target's PostgreSQL " + targetMajor
                + " (it sets transaction_timeout, which PostgreSQL " + TRANSACTION_TIMEOUT_MAJOR + " introduced)";
        if (sourceMajor >= TRANSACTION_TIMEOUT_MAJOR) {
            throw FerryException.badInput(problem + ", and the source's PostgreSQL " + sourceMajor
                    + " needs pg_dump " + sourceMajor + " or newer", "copy into a PostgreSQL " + sourceMajor
                    + " or newer target");
        }
        int needed = Math.max(sourceMajor, targetMajor);
        throw FerryException.environment(problem, "install postgresql-client-" + needed
                + " and set FERRY_PG_BIN to its bin folder");
    }

    private static Path newestDebian() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> Files.isExecutable(p.resolve("bin/pg_dump")))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                    .map(p -> p.resolve("bin")).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
