package dev.ferry.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.event.FerryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RestoreProgressTest {

    @Test
    void onLine_streamedRestore_oneLinePerTableWithTheBytesBetweenItsStartAndTheNextItem() {
        AtomicLong bytes = new AtomicLong(100);
        RestoreProgress progress = new RestoreProgress(Map.of("public.users", 5000L), bytes::get, Map.of());
        List<FerryEvent> events = new ArrayList<>();

        progress.onLine("pg_restore: creating TABLE \"public.users\"");
        progress.onLine("pg_restore: processing data for table \"public.users\"");
        bytes.set(100 + 3 * 1024 * 1024);
        progress.onLine("pg_restore: processing data for table \"public.empty\"");
        progress.finish();
        progress.drain(events::add);

        assertThat(events).extracting(e -> ((FerryEvent.Step) e).text())
                .satisfiesExactly(
                        users -> assertThat(users).startsWith("copied public.users: 3.0 MB, ~5,000 rows, ")
                                .contains("rows/s"),
                        empty -> assertThat(empty).startsWith("copied public.empty: 0 B (").doesNotContain("rows"));
        assertThat(progress.tablesDone()).isEqualTo(2);
    }

    @Test
    void onLine_parallelRestore_usesLaunchAndFinishAndTheDataFileSize() {
        RestoreProgress progress = new RestoreProgress(Map.of(), () -> 0, Map.of("billing.invoices", 2048L));
        List<FerryEvent> events = new ArrayList<>();

        progress.onLine("pg_restore: launching item 3350 TABLE DATA billing invoices");
        progress.onLine("pg_restore: launching item 3351 TABLE DATA public t");
        progress.onLine("pg_restore: finished item 3350 TABLE DATA billing invoices");
        progress.drain(events::add);

        assertThat(events).singleElement().extracting(e -> ((FerryEvent.Step) e).text()).asString()
                .startsWith("copied billing.invoices: 2.0 kB (");
    }
}
