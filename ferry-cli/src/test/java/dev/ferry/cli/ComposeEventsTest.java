package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.Finding;
import dev.ferry.event.FerryEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComposeEventsTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void emit_notATerminal_plainLinesWithPrefixes() {
        ComposeEvents events = new ComposeEvents(out, false, false);
        events.emit(new FerryEvent.Status("web", "starting"));
        events.emit(new FerryEvent.Log("web", "listening on 5000"));
        events.emit(new FerryEvent.Status("web", "healthy"));
        events.emit(new FerryEvent.Detail("hidden without --debug"));
        assertThat(text()).isEqualTo("web       starting\nweb      | listening on 5000\nweb       healthy\n")
                .doesNotContain("\u001b");
    }

    @Test
    void emit_terminal_rewritesTheStatusBlockBelowTheLogs() {
        ComposeEvents events = new ComposeEvents(out, true, false);
        events.emit(new FerryEvent.Status("postgres", "starting"));
        events.emit(new FerryEvent.Status("web", "starting"));
        events.emit(new FerryEvent.Log("web", "hello"));
        events.emit(new FerryEvent.Status("web", "healthy"));
        String text = text();
        // two status lines drawn, then moved over (cursor up 2, clear) for the log line, then drawn again
        assertThat(text).contains("\u001b[2A\u001b[J" + "web      | hello\n" + "postgres  starting\nweb       starting\n");
        assertThat(text).endsWith("\u001b[2A\u001b[Jpostgres  starting\nweb       healthy\n");
    }

    @Test
    void findings_areWarningLinesWithCodeAndPlace() {
        new ComposeEvents(out, false, false).findings(List.of(
                Finding.warning("healthcheck-missing", "service web (compose.yaml:3)", "add one")));
        assertThat(text()).isEqualTo("warning [healthcheck-missing] service web (compose.yaml:3): add one\n");
    }
}
