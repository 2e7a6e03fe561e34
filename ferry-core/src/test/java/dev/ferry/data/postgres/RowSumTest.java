package dev.ferry.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowSumTest {

    @Test
    void add_manyLargeSignedHashes_exactLikeTheServersSumOfBigint() {
        Random random = new Random(7);
        RowSum sum = new RowSum();
        RowSum half = new RowSum();
        BigInteger expected = BigInteger.ZERO;
        long[] edges = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, -1, 0, 1, Long.MIN_VALUE, Long.MIN_VALUE};
        for (int i = 0; i < 10_000; i++) {
            long hash = i < edges.length ? edges[i] : random.nextLong();
            expected = expected.add(BigInteger.valueOf(hash));
            (i % 2 == 0 ? sum : half).add(hash);
        }
        sum.add(half);

        assertThat(sum.rows()).isEqualTo(10_000);
        assertThat(sum.sum()).isEqualTo(expected);
    }

    @Test
    void sum_negativeTotal_signed() {
        RowSum sum = new RowSum();
        sum.add(Long.MIN_VALUE);
        sum.add(Long.MIN_VALUE);
        sum.add(-5);

        assertThat(sum.sum()).isEqualTo(BigInteger.valueOf(Long.MIN_VALUE).multiply(BigInteger.TWO)
                .subtract(BigInteger.valueOf(5)));
        assertThat(new RowSum().sum()).isZero();
    }
}
