package dev.ferry.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowHashTest {

    @Test
    void forServers_bothAtLeast11_hashtextextended_elseMd5() {
        assertThat(RowHash.forServers(14, 16)).isEqualTo(RowHash.HASHTEXT_EXTENDED);
        assertThat(RowHash.forServers(10, 16)).isEqualTo(RowHash.MD5);
        assertThat(RowHash.forServers(16, 9)).isEqualTo(RowHash.MD5);
    }

    @Test
    void sum_wrapsTheRowText() {
        assertThat(RowHash.HASHTEXT_EXTENDED.sum("t::text"))
                .isEqualTo("coalesce(sum(hashtextextended(t::text, 0)), 0)");
    }
}
