package dev.ferry.data.postgres;

import dev.ferry.data.Verification;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Compares the source's fingerprints ({@link PgChecksums}) with the target's: every source table, sequence and the
 * large objects must match, and the target must hold no table the source lacks.
 */
final class PgVerifier {

    private PgVerifier() {
    }

    /**
     * @param openTarget opens a target session; {@code connections} of them checksum the tables in parallel
     */
    static Verification compare(Map<String, String> sourceSums, Callable<Connection> openTarget, int connections,
                                RowHash hash, Map<String, String> columns, List<PgTable> targetTables,
                                List<PgTable> sourceTables, List<PgTable> sequences) throws SQLException {
        Map<String, String> targetSums = PgChecksums.parallel(openTarget, connections, hash, columns, sourceTables,
                sequences);
        return compare(sourceSums, targetSums, targetTables, sourceTables);
    }

    /** The same with the target's fingerprints already computed (while the copy ran). */
    static Verification compare(Map<String, String> sourceSums, Map<String, String> targetSums,
                                List<PgTable> targetTables, List<PgTable> sourceTables) {
        List<Verification.Check> checks = new ArrayList<>();
        sourceSums.forEach((subject, value) ->
                checks.add(new Verification.Check(subject, value, targetSums.getOrDefault(subject, "missing"))));
        Set<String> known = sourceTables.stream().map(PgTable::display).collect(Collectors.toSet());
        for (PgTable extra : targetTables) {
            if (!known.contains(extra.display())) {
                checks.add(new Verification.Check("table " + extra.display(), "absent", "present"));
            }
        }
        return new Verification(checks);
    }
}
