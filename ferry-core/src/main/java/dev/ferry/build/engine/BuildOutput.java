package dev.ferry.build.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an engine's build output line by line: which step is running (podman "[1/2] STEP 3/9: RUN ...", docker's
 * legacy "Step 3/9 : RUN ...", BuildKit "#7 [build 3/6] RUN ...") and the last lines, for error messages.
 */
final class BuildOutput {

    /** A build step: done so far, total, and the instruction. */
    record Step(int number, int total, String instruction) {}

    private static final Pattern STEP = Pattern.compile(
            "^(?:\\[\\d+/\\d+\\] )?(?:STEP (\\d+)/(\\d+): |Step (\\d+)/(\\d+) : |#\\d+ \\[(?:[\\w.-]+ )?(\\d+)/(\\d+)\\] )(.*)$");
    private static final int TAIL_LINES = 15;

    private final Deque<String> tail = new ArrayDeque<>();
    private Step current;

    /** Takes one line; returns the step it starts, if it starts one. */
    Optional<Step> accept(String line) {
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
        Matcher m = STEP.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        int group = m.group(1) != null ? 1 : m.group(3) != null ? 3 : 5;
        current = new Step(Integer.parseInt(m.group(group)), Integer.parseInt(m.group(group + 1)), m.group(7));
        return Optional.of(current);
    }

    Optional<Step> current() {
        return Optional.ofNullable(current);
    }

    String tail() {
        return String.join("\n", tail);
    }
}
