package dev.ferry.data.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * One slice's rows from the source to the target: {@code COPY … TO STDOUT} in the source's snapshot straight into
 * {@code COPY … FROM STDIN}, text format (what pg_dump uses: portable across versions and for every type with a
 * text form), through this process without a file. The target's side is one transaction: committed, the slice is
 * there whole; interrupted, it is not there at all.
 */
final class PgRowCopy {

    /** A failed statement and the side it failed on ("source" or "target"), for the error message. */
    static final class Failure extends Exception {
        final String role;

        Failure(String role, SQLException cause) {
            super(cause);
            this.role = role;
        }

        SQLException sql() {
            return (SQLException) getCause();
        }
    }

    /** What a slice brought: rows and bytes of COPY text, and its rows' fingerprint (null when not asked for). */
    record Copied(long rows, long bytes, RowSum sum) {}

    private static final int BATCH = 256 * 1024;

    private PgRowCopy() {
    }

    /**
     * Copies a slice; adds the bytes and rows to {@code bytes} and {@code rowsSent} (all slices' progress) as they go.
     *
     * @param source a session inside the copy's snapshot (its transaction stays open)
     * @param target a session with auto-commit off
     * @param fingerprint whether to hash the rows as they pass ({@link CopyLineHash}), for the verification
     */
    static Copied copy(CopySlice slice, Connection source, Connection target, AtomicLong bytes, AtomicLong rowsSent,
                       boolean fingerprint) throws Failure {
        RowSum sum = fingerprint ? new RowSum() : null;
        CopyLineHash hasher = fingerprint ? new CopyLineHash(slice.columns().isEmpty(), sum) : null;
        CopyIn in;
        try {
            if (slice.whole()) {
                try (Statement s = target.createStatement()) {
                    s.execute("TRUNCATE ONLY " + slice.table().quoted());
                }
            }
            in = target.unwrap(PGConnection.class).getCopyAPI().copyIn(slice.copyIn());
        } catch (SQLException e) {
            throw new Failure("target", e);
        }
        CopyOut out;
        try {
            out = source.unwrap(PGConnection.class).getCopyAPI().copyOut(slice.copyOut());
        } catch (SQLException e) {
            throw new Failure("source", e);
        }
        byte[] batch = new byte[BATCH];
        int length = 0;
        int batchRows = 0;
        long sent = 0;
        while (true) {
            byte[] row;
            try {
                row = out.readFromCopy();
            } catch (SQLException e) {
                throw new Failure("source", e);
            }
            try {
                if (row == null || length + row.length > batch.length) {
                    in.writeToCopy(batch, 0, length);
                    bytes.addAndGet(length);
                    rowsSent.addAndGet(batchRows);
                    sent += length;
                    length = 0;
                    batchRows = 0;
                }
                if (row == null) {
                    break;
                }
                if (hasher != null) {
                    hasher.feed(row, 0, row.length);
                }
                if (row.length > batch.length) {
                    in.writeToCopy(row, 0, row.length);
                    bytes.addAndGet(row.length);
                    rowsSent.incrementAndGet();
                    sent += row.length;
                } else {
                    System.arraycopy(row, 0, batch, length, row.length);
                    length += row.length;
                    batchRows++;
                }
            } catch (SQLException e) {
                throw new Failure("target", e);
            }
        }
        try {
            long rows = in.endCopy();
            if (hasher != null && (hasher.hasPartialLine() || sum.rows() != rows)) {
                throw new SQLException("the COPY stream of " + slice.table().display() + " ended mid-row or its"
                        + " lines (" + sum.rows() + ") are not the rows written (" + rows + ")");
            }
            target.commit();
            return new Copied(rows, sent, sum);
        } catch (SQLException e) {
            throw new Failure("target", e);
        }
    }
}
