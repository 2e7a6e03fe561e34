package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

/** Drives the prompts through a JLine terminal fed with the bytes a real terminal sends for each key. */
class JLinePrompterTest {

    private static final String DOWN = "\033[B";
    private static final String UP = "\033[A";
    private static final String ENTER = "\r";
    private static final List<String> APPS = List.of("vast-badlands-staging", "vast-badlands-production", "other");

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private JLinePrompter prompterTyping(String keys) throws Exception {
        // a pipe that stays open, as a real terminal does: the keys are waiting when the prompt starts reading
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream input = new PipedInputStream(keyboard, 4096);
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        Terminal terminal = new ExternalTerminal("test", "xterm-256color", input, screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(80, 24));
        return new JLinePrompter(terminal, false);
    }

    @Test
    void select_arrowDownThenEnter_returnsSecondChoice() throws Exception {
        try (JLinePrompter prompter = prompterTyping(DOWN + ENTER)) {
            assertThat(prompter.select("Select the Heroku application", APPS)).isEqualTo("vast-badlands-production");
        }
        assertThat(screen.toString(StandardCharsets.UTF_8))
                .contains("? Select the Heroku application")
                .contains("[Use arrows to move, type to filter]")
                .contains("> vast-badlands-staging");
    }

    @Test
    void select_upFromFirst_wrapsToLast() throws Exception {
        try (JLinePrompter prompter = prompterTyping(UP + ENTER)) {
            assertThat(prompter.select("Pick", APPS)).isEqualTo("other");
        }
    }

    @Test
    void select_typedFilter_narrowsTheList() throws Exception {
        try (JLinePrompter prompter = prompterTyping("prod" + ENTER)) {
            assertThat(prompter.select("Pick", APPS)).isEqualTo("vast-badlands-production");
        }
    }

    @Test
    void select_backspaceWidensFilter() throws Exception {
        try (JLinePrompter prompter = prompterTyping("oth\177\177\177" + DOWN + ENTER)) {
            assertThat(prompter.select("Pick", APPS)).isEqualTo("vast-badlands-production");
        }
    }

    @Test
    void select_enterWithNoMatch_waitsThenCtrlCCancels() throws Exception {
        try (JLinePrompter prompter = prompterTyping("zzz" + ENTER + "\003")) {
            assertThatThrownBy(() -> prompter.select("Pick", APPS)).isInstanceOf(PromptCancelledException.class);
        }
        assertThat(screen.toString(StandardCharsets.UTF_8)).contains("no match");
    }

    @Test
    void confirm_emptyAnswer_takesDefault() throws Exception {
        try (JLinePrompter prompter = prompterTyping("\r")) {
            assertThat(prompter.confirm("Overwrite compose.yaml?", false)).isFalse();
        }
        try (JLinePrompter prompter = prompterTyping("y\r")) {
            assertThat(prompter.confirm("Overwrite compose.yaml?", false)).isTrue();
        }
    }

    @Test
    void askSecret_isNotEchoed() throws Exception {
        try (JLinePrompter prompter = prompterTyping("hunter2-token\r")) {
            assertThat(new String(prompter.askSecret("Heroku API token:"))).isEqualTo("hunter2-token");
        }
        assertThat(screen.toString(StandardCharsets.UTF_8)).doesNotContain("hunter2");
    }
}
