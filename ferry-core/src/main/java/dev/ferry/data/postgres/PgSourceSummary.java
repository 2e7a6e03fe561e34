package dev.ferry.data.postgres;

import dev.ferry.data.DataEndpoint;
import dev.ferry.data.Sizes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The source side of a plan alone, for a move whose target this machine cannot reach (it runs in the deployment's
 * network): tables, size and the time at the documented throughput, from the source's catalog. Reads only.
 */
final class PgSourceSummary {

    private PgSourceSummary() {
    }

    static String of(DataEndpoint source) {
        try (Connection connection = PgConnections.open(source, "source")) {
            PgCatalog catalog = new PgCatalog(connection);
            List<PgTable> tables = catalog.tables();
            long bytes = tables.stream().mapToLong(PgTable::bytes).sum() + catalog.largeObjectBytes();
            return tables.size() + " table" + (tables.size() == 1 ? "" : "s") + ", " + Sizes.human(bytes)
                    + ", about " + Sizes.minutes(Duration.ofSeconds(bytes / PostgresMover.ASSUMED_BYTES_PER_SECOND))
                    + " at the documented throughput";
        } catch (SQLException e) {
            throw PgConnections.queryFailed(source, "source", "read the catalog", e);
        }
    }
}
