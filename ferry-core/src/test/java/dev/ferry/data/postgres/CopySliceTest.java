package dev.ferry.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopySliceTest {

    private final PgTable big = new PgTable("public", "events", 900L << 20, 1_000_000);
    private final PgTable small = new PgTable("public", "users", 10L << 20, 5000);
    private final PgTable empty = new PgTable("odd", "no columns", 0, 0);
    private final Map<String, String> columns = Map.of("public.events", "id, \"Kind\"", "public.users", "id, name",
            "odd.no columns", "");
    private final Map<String, Long> pages = Map.of("public.events", 100_000L, "public.users", 1200L,
            "odd.no columns", 0L);

    @Test
    void requireCoverage_plannedSlices_accepted_gapOverlapOrMissingLastRefused() {
        List<CopySlice> planned = CopySlice.plan(List.of(small, big, empty), columns, pages, 2, true, 1000);
        assertThat(planned).hasSizeGreaterThan(3);
        CopySlice.requireCoverage(planned);

        List<CopySlice> events = planned.stream().filter(s -> s.table() == big).toList();
        CopySlice second = events.get(1);
        List<CopySlice> gap = new java.util.ArrayList<>(events);
        gap.set(1, new CopySlice(big, second.columns(), second.fromPage() + 1, second.toPage(), second.count()));
        List<CopySlice> closedEnd = new java.util.ArrayList<>(events);
        CopySlice last = events.get(events.size() - 1);
        closedEnd.set(events.size() - 1, new CopySlice(big, last.columns(), last.fromPage(), last.fromPage() + 10,
                last.count()));
        List<CopySlice> lost = events.subList(1, events.size());

        for (List<CopySlice> broken : List.of(gap, closedEnd, lost, events.subList(0, events.size() - 1))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CopySlice.requireCoverage(broken))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("public.events");
        }
    }

    @Test
    void plan_oneJob_wholeTablesLargestFirst() {
        List<CopySlice> slices = CopySlice.plan(List.of(small, empty, big), columns, pages, 1, true,
                CopySlice.MIN_SLICE_PAGES);

        assertThat(slices).extracting(s -> s.table().display()).containsExactly("public.events", "public.users",
                "odd.no columns");
        assertThat(slices).allMatch(CopySlice::whole);
    }

    @Test
    void plan_twoJobs_largeTableSplitIntoAdjacentRangesTheLastOpen_smallTableWhole() {
        List<CopySlice> slices = CopySlice.plan(List.of(small, big), columns, pages, 2, true,
                CopySlice.MIN_SLICE_PAGES);

        // 101 200 pages / (2 jobs * 4) = 12 650 pages a slice: events in 8 ranges
        List<CopySlice> events = slices.stream().filter(s -> s.table() == big).toList();
        assertThat(events).hasSize(8).allMatch(s -> s.count() == 8);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).fromPage()).isEqualTo(events.get(i - 1).toPage());
        }
        assertThat(events.get(0).fromPage()).isZero();
        assertThat(events.get(7).toPage()).isEqualTo(-1);
        assertThat(slices.get(slices.size() - 1)).satisfies(s -> {
            assertThat(s.table()).isEqualTo(small);
            assertThat(s.whole()).isTrue();
        });
    }

    @Test
    void plan_serverWithoutRangeScans_neverSplits() {
        assertThat(CopySlice.plan(List.of(big), columns, pages, 4, false, 1)).singleElement()
                .satisfies(s -> assertThat(s.whole()).isTrue());
    }

    @Test
    void copyOut_wholeTable_namesColumns_sliceReadsItsPageRange() {
        CopySlice whole = new CopySlice(big, "id, \"Kind\"", 0, -1, 1);
        CopySlice middle = new CopySlice(big, "id, \"Kind\"", 100, 200, 3);
        CopySlice last = new CopySlice(big, "id, \"Kind\"", 200, -1, 3);

        assertThat(whole.copyOut()).isEqualTo("COPY \"public\".\"events\" (id, \"Kind\") TO STDOUT");
        assertThat(middle.copyOut()).isEqualTo("COPY (SELECT id, \"Kind\" FROM ONLY \"public\".\"events\""
                + " WHERE ctid >= '(100,0)'::tid AND ctid < '(200,0)'::tid) TO STDOUT");
        assertThat(last.copyOut()).endsWith("WHERE ctid >= '(200,0)'::tid) TO STDOUT");
    }

    @Test
    void copyIn_wholeTableFrozen_sliceNot_noColumnsNoList() {
        assertThat(new CopySlice(big, "id", 0, -1, 1).copyIn())
                .isEqualTo("COPY \"public\".\"events\" (id) FROM STDIN (FREEZE)");
        assertThat(new CopySlice(big, "id", 0, 10, 2).copyIn()).isEqualTo("COPY \"public\".\"events\" (id) FROM STDIN");
        assertThat(new CopySlice(empty, "", 0, -1, 1).copyOut()).isEqualTo("COPY \"odd\".\"no columns\" TO STDOUT");
    }
}
