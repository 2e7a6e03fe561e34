package dev.ferry.build.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A container engine's command line that answered.
 *
 * @param kind podman or docker
 * @param executable the command's path
 * @param environment the environment the command runs with (DOCKER_HOST / CONTAINER_HOST pass through as given)
 */
public record Engine(Kind kind, Path executable, Map<String, String> environment) {

    public enum Kind {
        PODMAN("podman"), DOCKER("docker");

        private final String command;

        Kind(String command) {
            this.command = command;
        }

        public String command() {
            return command;
        }
    }

    public Engine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(executable, "executable");
        environment = Map.copyOf(environment);
    }
}
