package dev.ferry.data.postgres;

import dev.ferry.data.Sizes;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns pg_restore's --verbose lines into one progress line per table ("public.users: 12.0 MB, 48 000 rows/s").
 * Lines arrive on pg_restore's stderr thread; the finished lines are queued and emitted by the copying thread
 * ({@link #drain}), so that an event sink that throws (Ctrl-C at a renderer, a test) stops the copy itself.
 *
 * <p>Streamed restore: a table's data runs from its "processing data for table" line to the next item. Parallel
 * restore: from "launching item N TABLE DATA s t" to "finished item N TABLE DATA s t". Bytes are those that went
 * through the stream meanwhile (streamed) or the table's file in the dump folder (parallel). Rows are the planner's
 * estimate from the source catalog, hence "~".
 */
final class RestoreProgress {

    private static final Pattern STREAM_DATA = Pattern.compile("processing data for table \"(.+)\"");
    private static final Pattern PARALLEL = Pattern.compile("(launching|finished) item (\\d+) TABLE DATA (\\S+) (\\S+)");

    private record Started(long nanos, long bytes) {}

    private final Map<String, Long> estimatedRows;
    private final LongSupplier streamedBytes;
    private final Map<String, Long> fileBytes;
    private final Queue<FerryEvent> finished = new ConcurrentLinkedQueue<>();
    private final Map<String, Started> running = new HashMap<>();
    private String streaming;
    private int tablesDone;

    /**
     * @param estimatedRows "schema.table" → estimated rows
     * @param streamedBytes bytes through the stream so far (streamed mode)
     * @param fileBytes "schema.table" → size of its data file (parallel mode); empty when streaming
     */
    RestoreProgress(Map<String, Long> estimatedRows, LongSupplier streamedBytes, Map<String, Long> fileBytes) {
        this.estimatedRows = estimatedRows;
        this.streamedBytes = streamedBytes;
        this.fileBytes = fileBytes;
    }

    /** Called with every pg_restore stderr line (already scrubbed). */
    synchronized void onLine(String line) {
        Matcher parallel = PARALLEL.matcher(line);
        if (parallel.find()) {
            String table = parallel.group(3) + "." + parallel.group(4);
            if (parallel.group(1).equals("launching")) {
                running.put(table, new Started(System.nanoTime(), 0));
            } else {
                Started start = running.remove(table);
                if (start != null) {
                    done(table, start, fileBytes.getOrDefault(table, 0L));
                }
            }
            return;
        }
        if (!line.startsWith("pg_restore: ")) {
            return;
        }
        if (streaming != null && (line.contains(": processing ") || line.contains(": creating ")
                || line.contains(": executing "))) {
            Started start = running.remove(streaming);
            done(streaming, start, streamedBytes.getAsLong() - start.bytes());
            streaming = null;
        }
        Matcher data = STREAM_DATA.matcher(line);
        if (data.find()) {
            streaming = data.group(1);
            running.put(streaming, new Started(System.nanoTime(), streamedBytes.getAsLong()));
        }
    }

    /** The end of a streamed restore closes the last table. */
    synchronized void finish() {
        if (streaming != null) {
            Started start = running.remove(streaming);
            done(streaming, start, streamedBytes.getAsLong() - start.bytes());
            streaming = null;
        }
    }

    /** Emits the queued lines on the caller's thread. */
    void drain(EventSink events) {
        FerryEvent event;
        while ((event = finished.poll()) != null) {
            events.emit(event);
        }
    }

    synchronized int tablesDone() {
        return tablesDone;
    }

    private void done(String table, Started start, long bytes) {
        tablesDone++;
        double seconds = Math.max((System.nanoTime() - start.nanos()) / 1e9, 0.001);
        long rows = estimatedRows.getOrDefault(table, 0L);
        String rate = rows > 0 ? String.format(Locale.ROOT, ", ~%,d rows, %,.0f rows/s", rows, rows / seconds) : "";
        finished.add(new FerryEvent.Step(String.format(Locale.ROOT, "copied %s: %s%s (%.1f s)", table,
                Sizes.human(bytes), rate, seconds)));
    }
}
