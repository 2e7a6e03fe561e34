package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.event.FerryEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private final CliContext context = new CliContext(err, err, java.io.InputStream.nullInputStream(),
            java.util.Map.of(), java.nio.file.Path.of("/work"), true, () -> null);
    private final ProgressBar bar = new ProgressBar(err, new ConsoleEvents(context, false));

    @Test
    void emit_byteProgress_drawsABarWithPercentRateAndEtaInPlace() {
        bar.emit(new FerryEvent.Progress("copy", 50L * 1024 * 1024, 100L * 1024 * 1024));

        String drawn = buffer.toString(StandardCharsets.UTF_8);
        assertThat(drawn).startsWith("\r   copy [###############---------------]  50% 50.0 MB, ")
                .contains("/s, ETA ").endsWith("\u001b[K");
    }

    @Test
    void emit_copyProgressWithRows_showsBytesRowsPerSecondAndEta() {
        bar.emit(new FerryEvent.Progress("copy", 50L * 1024 * 1024, 100L * 1024 * 1024, 400_000));

        assertThat(buffer.toString(StandardCharsets.UTF_8)).matches("(?s)\\r   copy \\[#+-+\\]  50% 50\\.0 MB, "
                + "[0-9.]+ [kMG]?B/s, [0-9,]+ rows/s, ETA \\d+ s\\u001b\\[K");
    }

    @Test
    void emit_byteProgressWithoutRows_saysNoRows() {
        bar.emit(new FerryEvent.Progress("restore", 1024, 2048));

        assertThat(buffer.toString(StandardCharsets.UTF_8)).doesNotContain("rows/s");
    }

    @Test
    void emit_downloadProgress_countsBytes() {
        bar.emit(new FerryEvent.Progress("download", 3L * 1024 * 1024, 12L * 1024 * 1024));

        assertThat(buffer.toString(StandardCharsets.UTF_8)).startsWith("\r   download [########--------------"
                + "--------]  25% 3.0 MB, ").contains("/s, ETA ");
    }

    @Test
    void emit_stepAfterABar_clearsTheLineThenPrintsTheStep() {
        bar.emit(new FerryEvent.Progress("keys", 10, -1));
        bar.emit(new FerryEvent.Step("copied public.users: 3.0 MB"));

        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("   keys 10, ")
                .endsWith("\r\u001b[K * copied public.users: 3.0 MB" + System.lineSeparator());
    }
}
