package dev.ferry.build;

import java.util.Objects;

/**
 * One process type the image serves, as the Procfile names it: {@code web: node server.js}.
 *
 * @param type e.g. web, worker
 * @param command the shell command the container runs for it
 */
public record ProcessType(String type, String command) {

    public ProcessType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(command, "command");
    }
}
