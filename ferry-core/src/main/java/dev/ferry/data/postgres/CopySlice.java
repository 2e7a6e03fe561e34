package dev.ferry.data.postgres;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One COPY stream of a table's rows: the whole table, or with several jobs, one range of its heap pages so that a
 * table much larger than the rest (the usual case) is copied by all jobs at once instead of by one.
 *
 * @param columns the quoted column list (generated and dropped columns left out, as pg_dump does), or "" for a table
 *     without columns
 * @param fromPage first heap page of the range (0 for a whole table)
 * @param toPage the page after the range, or -1 for "to the end" (the last slice takes whatever the table grew by)
 * @param count how many slices the table has; 1 when it is copied whole
 */
record CopySlice(PgTable table, String columns, long fromPage, long toPage, int count) {

    /** A table's heap is split when it is larger than this share of all heaps … */
    static final int SLICES_PER_JOB = 4;
    /** … and no slice is smaller than this (fewer, longer streams cost less than many short ones). */
    static final long MIN_SLICE_PAGES = 4096; // 32 MB of 8 kB pages
    static final int MAX_SLICES = 64;

    boolean whole() {
        return count == 1;
    }

    /** The source's side: the whole table, or its pages in range through a TID range scan (PostgreSQL 14+). */
    String copyOut() {
        if (whole()) {
            return "COPY " + table.quoted() + list() + " TO STDOUT";
        }
        String select = columns.isEmpty() ? "" : columns;
        String range = "ctid >= '(" + fromPage + ",0)'::tid" + (toPage < 0 ? "" : " AND ctid < '(" + toPage + ",0)'::tid");
        return "COPY (SELECT " + select + " FROM ONLY " + table.quoted() + " WHERE " + range + ") TO STDOUT";
    }

    /**
     * The target's side. A whole table is emptied and filled in one transaction, which lets the rows be written
     * already frozen (no hint-bit writes when the verification reads them, no anti-wraparound vacuum later) and
     * makes a retried table start from nothing.
     */
    String copyIn() {
        return "COPY " + table.quoted() + list() + " FROM STDIN" + (whole() ? " (FREEZE)" : "");
    }

    /**
     * Refuses (a bug, not bad input) slices that do not tile each table's heap: a table's slices next to each other,
     * as many as their count says, the first from page 0, each from where the one before ended, the last open-ended.
     * The verification relies on it: a table's source row count is the count of the rows its streams carried
     * ({@link PgCopyStep}), so a gap between ranges must be impossible by construction.
     */
    static void requireCoverage(List<CopySlice> slices) {
        for (int i = 0; i < slices.size(); ) {
            CopySlice first = slices.get(i);
            long from = 0;
            for (int k = 0; k < first.count(); k++, i++) {
                CopySlice slice = i < slices.size() ? slices.get(i) : null;
                boolean last = k == first.count() - 1;
                if (slice == null || !slice.table().equals(first.table()) || slice.count() != first.count()
                        || slice.fromPage() != from || (last ? slice.toPage() != -1 : slice.toPage() <= from)) {
                    throw new IllegalStateException("the copy's page ranges of " + first.table().display()
                            + " do not cover the table: " + slices);
                }
                from = slice.toPage();
            }
        }
    }

    private String list() {
        return columns.isEmpty() ? "" : " (" + columns + ")";
    }

    /**
     * The slices of {@code tables}, largest table first (its checksum then runs while the smaller ones copy), the
     * slices of a table next to each other (so that it finishes early).
     *
     * @param columns "schema.name" → quoted column list
     * @param heapPages "schema.name" → heap pages at the catalog read
     * @param rangeScans whether the source can scan a ctid range without reading the whole table (14+)
     * @param minSlicePages {@link #MIN_SLICE_PAGES}, smaller in tests
     */
    static List<CopySlice> plan(List<PgTable> tables, Map<String, String> columns, Map<String, Long> heapPages,
                                int jobs, boolean rangeScans, long minSlicePages) {
        long allPages = tables.stream().mapToLong(t -> heapPages.getOrDefault(t.display(), 0L)).sum();
        long slicePages = Math.max(minSlicePages, allPages / Math.max(1, (long) jobs * SLICES_PER_JOB));
        List<CopySlice> slices = new ArrayList<>();
        tables.stream().sorted(Comparator.comparingLong(PgTable::bytes).reversed()).forEach(table -> {
            String cols = columns.getOrDefault(table.display(), "");
            long pages = heapPages.getOrDefault(table.display(), 0L);
            int count = jobs > 1 && rangeScans && !cols.isEmpty()
                    ? (int) Math.min(MAX_SLICES, Math.max(1, (pages + slicePages - 1) / slicePages)) : 1;
            if (count == 1) {
                slices.add(new CopySlice(table, cols, 0, -1, 1));
                return;
            }
            long step = (pages + count - 1) / count;
            for (int i = 0; i < count; i++) {
                slices.add(new CopySlice(table, cols, i * step, i == count - 1 ? -1 : (i + 1) * step, count));
            }
        });
        return slices;
    }
}
