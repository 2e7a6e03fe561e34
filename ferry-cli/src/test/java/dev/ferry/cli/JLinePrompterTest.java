package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Drives the prompts through a JLine terminal fed with the bytes a real terminal sends for each key. */
@Timeout(20) // a prompt that waits for a key that never comes must fail the test, not hang the build
class JLinePrompterTest {

    private static final String DOWN = "\033[B";
    private static final String UP = "\033[A";
    private static final String ENTER = "\r";
    private static final List<String> APPS = List.of("vast-badlands-staging", "vast-badlands-production", "other");

    private final TestTerminal terminal = new TestTerminal();

    /** A prompter whose user types {@code keys} once the first question is on the screen. */
    private JLinePrompter prompterTyping(String keys) {
        terminal.typing("? ", keys);
        return new JLinePrompter(terminal.terminal(), false);
    }

    @Test
    void select_arrowDownThenEnter_returnsSecondChoice() throws Exception {
        try (JLinePrompter prompter = prompterTyping(DOWN + ENTER)) {
            assertThat(prompter.select("Select the Heroku application", APPS)).isEqualTo("vast-badlands-production");
        }
        assertThat(terminal.screen())
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
        terminal.typing("? ", "zzz" + ENTER, "no match", "\003");
        try (JLinePrompter prompter = new JLinePrompter(terminal.terminal(), false)) {
            assertThatThrownBy(() -> prompter.select("Pick", APPS)).isInstanceOf(PromptCancelledException.class);
        }
        assertThat(terminal.screen()).contains("no match");
    }

    @Test
    void confirm_emptyAnswer_takesDefault() throws Exception {
        try (JLinePrompter prompter = prompterTyping("\r")) {
            assertThat(prompter.confirm("Overwrite compose.yaml?", false)).isFalse();
        }
    }

    @Test
    void confirm_y_isYes() throws Exception {
        try (JLinePrompter prompter = prompterTyping("y\r")) {
            assertThat(prompter.confirm("Overwrite compose.yaml?", false)).isTrue();
        }
    }

    @Test
    void askSecret_isNotEchoed() throws Exception {
        try (JLinePrompter prompter = prompterTyping("hunter2-token\r")) {
            assertThat(new String(prompter.askSecret("Heroku API token:"))).isEqualTo("hunter2-token");
        }
        assertThat(terminal.screen()).doesNotContain("hunter2");
    }
}
