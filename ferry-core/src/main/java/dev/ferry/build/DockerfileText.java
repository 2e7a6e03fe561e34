package dev.ferry.build;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a Dockerfile line by line and remembers which images it starts from, so the plan's base images are read
 * off the text that will be built rather than listed a second time. Output is deterministic: same calls, same text.
 */
final class DockerfileText {

    private final List<String> lines = new ArrayList<>();
    private final Set<String> stages = new LinkedHashSet<>();
    private final Set<String> images = new LinkedHashSet<>();

    DockerfileText comment(String text) {
        lines.add("# " + text);
        return this;
    }

    DockerfileText blank() {
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
            lines.add("");
        }
        return this;
    }

    /** FROM an image, optionally naming the stage. */
    DockerfileText from(String image, String stage) {
        blank();
        if (!stages.contains(image)) {
            images.add(image);
        }
        if (stage != null) {
            stages.add(stage);
        }
        lines.add("FROM " + image + (stage == null ? "" : " AS " + stage));
        return this;
    }

    /** COPY --from an image or an earlier stage; an image counts as a base image. */
    DockerfileText copyFrom(String imageOrStage, String options, String from, String to) {
        if (!stages.contains(imageOrStage)) {
            images.add(imageOrStage);
        }
        lines.add("COPY --from=" + imageOrStage + (options.isEmpty() ? "" : " " + options) + " " + from + " " + to);
        return this;
    }

    DockerfileText line(String instruction) {
        lines.add(instruction);
        return this;
    }

    /** A RUN of several commands joined with &&, one per line, so a failing command is easy to spot. */
    DockerfileText run(String... commands) {
        lines.add("RUN " + String.join(" \\\n    && ", commands));
        return this;
    }

    List<String> baseImages() {
        return List.copyOf(images);
    }

    String text() {
        return String.join("\n", lines) + "\n";
    }

    /** A shell command writing {@code lines} to {@code file}; no line may hold a single quote. */
    static String writeFile(List<String> lines, String file) {
        StringBuilder command = new StringBuilder("printf '%s\\n'");
        for (String line : lines) {
            if (line.contains("'")) {
                throw new IllegalArgumentException("line holds a single quote: " + line);
            }
            command.append(" \\\n        '").append(line).append('\'');
        }
        return command.append(" > ").append(file).toString();
    }
}
