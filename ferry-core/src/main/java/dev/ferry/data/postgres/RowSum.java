package dev.ferry.data.postgres;

import java.math.BigInteger;

/**
 * Rows counted and their 64-bit hashes summed exactly (a 128-bit accumulator), as the server's
 * {@code count(*), sum(bigint)} do: the same rows give the same figures in any order. Not thread-safe; slices are
 * summed apart and then {@link #add(RowSum) added} under the table's lock.
 */
final class RowSum {

    private long rows;
    private long high;
    private long low;

    void add(long hash) {
        rows++;
        long sum = low + hash;
        // the hash is signed: its upper 64 bits are all ones when negative; plus the carry out of the low half
        high += (hash >> 63) + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
        low = sum;
    }

    void add(RowSum other) {
        rows += other.rows;
        long sum = low + other.low;
        high += other.high + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
        low = sum;
    }

    long rows() {
        return rows;
    }

    BigInteger sum() {
        return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    }
}
