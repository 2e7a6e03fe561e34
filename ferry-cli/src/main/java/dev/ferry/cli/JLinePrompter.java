package dev.ferry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp;

/** Prompts drawn with JLine: an arrow-key list that filters as you type, line and hidden input. */
final class JLinePrompter implements Prompter {

    /** How many choices the list shows at once; the rest scroll. */
    static final int VISIBLE_CHOICES = 10;

    private enum Key { UP, DOWN, ENTER, BACKSPACE, CANCEL, CHAR, IGNORE }

    private final Terminal terminal;
    private final boolean color;

    JLinePrompter(Terminal terminal, boolean color) {
        this.terminal = terminal;
        this.color = color;
    }

    static JLinePrompter system() {
        try {
            return new JLinePrompter(TerminalBuilder.builder().system(true).build(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the terminal", e);
        }
    }

    @Override
    public String select(String question, List<String> choices) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        Attributes saved = terminal.enterRawMode();
        // raw mode keeps ISIG: turn it off too, so Ctrl-C reaches us as a key and the terminal is restored before
        // ferry stops, instead of a signal killing the JVM with the terminal still raw
        Attributes raw = terminal.getAttributes();
        raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
        terminal.setAttributes(raw);
        terminal.puts(InfoCmp.Capability.keypad_xmit);
        Display display = new Display(terminal, false);
        Size size = terminal.getSize();
        display.resize(Math.max(size.getRows(), 2), Math.max(size.getColumns(), 20));
        BindingReader bindings = new BindingReader(terminal.reader());
        KeyMap<Key> keys = keyMap();
        StringBuilder filter = new StringBuilder();
        int selected = 0;
        try {
            while (true) {
                List<String> matching = filter(choices, filter.toString());
                selected = Math.min(selected, Math.max(matching.size() - 1, 0));
                display.update(render(question, filter.toString(), matching, selected), 0);
                Key key = readKey(bindings, keys);
                if (key == null || key == Key.CANCEL) {
                    throw new PromptCancelledException();
                }
                switch (key) {
                    case UP -> selected = selected > 0 ? selected - 1 : Math.max(matching.size() - 1, 0);
                    case DOWN -> selected = matching.isEmpty() ? 0 : (selected + 1) % matching.size();
                    case BACKSPACE -> {
                        if (filter.length() > 0) {
                            filter.setLength(filter.length() - 1);
                        }
                    }
                    case CHAR -> {
                        String typed = bindings.getLastBinding();
                        if (typed != null && typed.codePoints().allMatch(c -> c >= ' ' && c != 127)) {
                            filter.append(typed);
                            selected = 0;
                        }
                    }
                    case ENTER -> {
                        if (!matching.isEmpty()) {
                            String choice = matching.get(selected);
                            display.update(List.of(answered(question, choice)), 0);
                            terminal.writer().println();
                            terminal.flush();
                            return choice;
                        }
                    }
                    default -> { }
                }
            }
        } finally {
            terminal.puts(InfoCmp.Capability.keypad_local);
            terminal.setAttributes(saved);
            terminal.flush();
        }
    }

    @Override
    public String ask(String question, String defaultAnswer) {
        String suffix = defaultAnswer == null || defaultAnswer.isEmpty() ? " " : " (" + defaultAnswer + ") ";
        String line = readLine(questionPrompt(question) + suffix, null).trim();
        return line.isEmpty() && defaultAnswer != null ? defaultAnswer : line;
    }

    @Override
    public char[] askSecret(String question) {
        return readLine(questionPrompt(question) + " ", '\0').toCharArray();
    }

    @Override
    public boolean confirm(String question, boolean defaultYes) {
        String answer = readLine(questionPrompt(question) + (defaultYes ? " [Y/n] " : " [y/N] "), null)
                .trim().toLowerCase(Locale.ROOT);
        return answer.isEmpty() ? defaultYes : answer.startsWith("y");
    }

    @Override
    public void close() {
        try {
            terminal.close();
        } catch (IOException e) {
            // closing a terminal we are done with: nothing useful to do about a failure
        }
    }

    private static Key readKey(BindingReader bindings, KeyMap<Key> keys) {
        try {
            return bindings.readBinding(keys);
        } catch (EndOfFileException e) {
            return Key.CANCEL; // the terminal went away: treat it like Ctrl-D
        }
    }

    private String readLine(String prompt, Character mask) {
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
        try {
            return reader.readLine(prompt, mask);
        } catch (UserInterruptException | EndOfFileException e) {
            throw new PromptCancelledException();
        }
    }

    private static List<String> filter(List<String> choices, String filter) {
        String needle = filter.toLowerCase(Locale.ROOT);
        List<String> matching = new ArrayList<>();
        for (String choice : choices) {
            if (choice.toLowerCase(Locale.ROOT).contains(needle)) {
                matching.add(choice);
            }
        }
        return matching;
    }

    private List<AttributedString> render(String question, String filter, List<String> matching, int selected) {
        List<AttributedString> lines = new ArrayList<>();
        AttributedStringBuilder head = new AttributedStringBuilder().append(questionPrompt(question)).append("  ");
        if (filter.isEmpty()) {
            head.style(style(AttributedStyle.DEFAULT.faint())).append("[Use arrows to move, type to filter]");
        } else {
            head.append(filter);
        }
        lines.add(head.toAttributedString());
        if (matching.isEmpty()) {
            lines.add(new AttributedString("  (no match: backspace to widen the filter)"));
            return lines;
        }
        int first = Math.max(0, Math.min(selected - VISIBLE_CHOICES / 2, matching.size() - VISIBLE_CHOICES));
        int last = Math.min(matching.size(), first + VISIBLE_CHOICES);
        for (int i = first; i < last; i++) {
            boolean current = i == selected;
            lines.add(new AttributedStringBuilder()
                    .style(current ? style(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)) : AttributedStyle.DEFAULT)
                    .append(current ? "> " : "  ").append(matching.get(i)).toAttributedString());
        }
        return lines;
    }

    private AttributedString answered(String question, String choice) {
        return new AttributedStringBuilder().append(questionPrompt(question)).append(" ")
                .style(style(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN))).append(choice)
                .toAttributedString();
    }

    private static String questionPrompt(String question) {
        return "? " + question;
    }

    private AttributedStyle style(AttributedStyle wanted) {
        return color ? wanted : AttributedStyle.DEFAULT;
    }

    private KeyMap<Key> keyMap() {
        KeyMap<Key> keys = new KeyMap<>();
        keys.bind(Key.UP, "\033[A", "\033OA", KeyMap.ctrl('P'));
        keys.bind(Key.DOWN, "\033[B", "\033OB", KeyMap.ctrl('N'));
        keys.bind(Key.ENTER, "\r", "\n");
        keys.bind(Key.BACKSPACE, "\177", KeyMap.ctrl('H'));
        keys.bind(Key.CANCEL, KeyMap.ctrl('C'), KeyMap.ctrl('D'), KeyMap.esc() + KeyMap.esc());
        keys.bind(Key.CHAR, KeyMap.range(" -~")); // printable ASCII filters the list
        keys.setUnicode(Key.CHAR);                // and so does any other printable character
        keys.setNomatch(Key.IGNORE);
        keys.setAmbiguousTimeout(100);
        return keys;
    }
}
