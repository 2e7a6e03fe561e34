package dev.ferry.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * A JLine terminal with a person at it: keys are typed only once the screen shows what the person waits for, as
 * nobody types before the prompt is drawn (keys typed earlier would be handled with the terminal's cooked settings,
 * which is not what a user at a prompt sees).
 */
final class TestTerminal {

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final Terminal terminal;

    TestTerminal() {
        try {
            PipedInputStream input = new PipedInputStream(keyboard, 4096);
            terminal = new ExternalTerminal("test", "xterm-256color", input, screen, StandardCharsets.UTF_8);
            terminal.setSize(new Size(100, 30));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Types each {@code keys[i+1]} once the screen contains {@code keys[i]} (pairs: wait-for text, keys), on a
     * background thread, so the prompt under test runs on the test's own thread.
     */
    TestTerminal typing(String... waitForThenKeys) {
        Thread person = new Thread(() -> {
            try {
                for (int i = 0; i + 1 < waitForThenKeys.length; i += 2) {
                    long deadline = System.currentTimeMillis() + 10_000;
                    while (!screen().contains(waitForThenKeys[i]) && System.currentTimeMillis() < deadline) {
                        Thread.sleep(10);
                    }
                    Thread.sleep(50); // the prompt has drawn; a person is slower still
                    keyboard.write(waitForThenKeys[i + 1].getBytes(StandardCharsets.UTF_8));
                    keyboard.flush();
                }
                // a pipe whose writing thread has ended reads as broken ("write end dead"): stay at the keyboard
                Thread.sleep(Long.MAX_VALUE);
            } catch (IOException | InterruptedException e) {
                // the prompt finished or failed without needing every key: the assertions say which
            }
        }, "test-keyboard");
        person.setDaemon(true);
        person.start();
        return this;
    }

    Terminal terminal() {
        return terminal;
    }

    String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }
}
