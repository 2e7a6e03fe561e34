package dev.ferry.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Compose service. Absent parts are null (scalars, records) or empty (lists, maps) and are not written.
 *
 * @param name the service name, a DNS label
 * @param comment a short line saying where the service came from, written above it; may be null
 * @param image the image, or null when the service is built
 * @param build the build, or null
 * @param entrypoint the entrypoint, empty for the image's own
 * @param command the command, empty for the image's own
 * @param ports published ports, e.g. {@code 5000:5000}
 * @param environment environment entries in order; a null value is a bare entry supplied by the target
 * @param healthcheck the healthcheck, or null
 * @param dependsOn the services this one waits for, with their conditions, in order
 * @param deploy replicas and resources, or null
 * @param restart the restart policy, e.g. {@code "no"}, or null
 * @param volumes volume mounts, e.g. {@code postgres-data:/var/lib/postgresql/data}
 * @param extensions {@code x-*} keys, e.g. {@code x-defang-postgres: true}, in order
 */
public record ComposeService(String name, String comment, String image, Build build, List<String> entrypoint,
                             List<String> command, List<String> ports, List<EnvEntry> environment,
                             Healthcheck healthcheck, List<Dependency> dependsOn, Deploy deploy, String restart,
                             List<String> volumes, Map<String, Object> extensions) {

    public ComposeService {
        Objects.requireNonNull(name, "name");
        entrypoint = List.copyOf(entrypoint);
        command = List.copyOf(command);
        ports = List.copyOf(ports);
        environment = List.copyOf(environment);
        dependsOn = List.copyOf(dependsOn);
        volumes = List.copyOf(volumes);
        extensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        extensions.keySet().forEach(key -> {
            if (!key.startsWith("x-")) {
                throw new IllegalArgumentException("an extension key must start with x-: " + key);
            }
        });
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The environment entry of that name, or null. */
    public EnvEntry env(String envName) {
        return environment.stream().filter(e -> e.name().equals(envName)).findFirst().orElse(null);
    }

    /** A build context, and a Dockerfile when not the default. */
    public record Build(String context, String dockerfile) {
        public Build {
            Objects.requireNonNull(context, "context");
        }
    }

    /** One environment entry; {@code value} null means a bare {@code NAME:} entry. */
    public record EnvEntry(String name, String value) {
        public EnvEntry {
            Objects.requireNonNull(name, "name");
        }

        public static EnvEntry bare(String name) {
            return new EnvEntry(name, null);
        }

        public boolean isBare() {
            return value == null;
        }
    }

    /** A healthcheck; null parts are left to the engine's defaults. */
    public record Healthcheck(List<String> test, String interval, String timeout, Integer retries,
                              String startPeriod) {
        public Healthcheck {
            test = List.copyOf(test);
        }
    }

    /** A {@code depends_on} entry. */
    public record Dependency(String service, Condition condition) {
        public Dependency {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(condition, "condition");
        }
    }

    /** The conditions Compose knows for {@code depends_on}. */
    public enum Condition {
        SERVICE_STARTED, SERVICE_HEALTHY, SERVICE_COMPLETED_SUCCESSFULLY;

        /** The name Compose uses, e.g. {@code service_healthy}. */
        public String composeName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code deploy}: replicas (null = not set) and resource limits and reservations (null = not set). */
    public record Deploy(Integer replicas, Resources limits, Resources reservations) {}

    /** CPUs as Compose writes them (e.g. "1", "0.5") and memory (e.g. "512M"). */
    public record Resources(String cpus, String memory) {}

    /** Builds a service step by step; the mapper's rules each add their part. */
    public static final class Builder {
        private final String name;
        private String comment;
        private String image;
        private Build build;
        private List<String> entrypoint = List.of();
        private List<String> command = List.of();
        private final List<String> ports = new ArrayList<>();
        private final List<EnvEntry> environment = new ArrayList<>();
        private Healthcheck healthcheck;
        private final List<Dependency> dependsOn = new ArrayList<>();
        private Deploy deploy;
        private String restart;
        private final List<String> volumes = new ArrayList<>();
        private final Map<String, Object> extensions = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder comment(String value) { comment = value; return this; }
        public Builder image(String value) { image = value; return this; }
        public Builder build(Build value) { build = value; return this; }
        public Builder entrypoint(List<String> value) { entrypoint = value; return this; }
        public Builder command(List<String> value) { command = value; return this; }
        public Builder port(String value) { ports.add(value); return this; }
        public Builder healthcheck(Healthcheck value) { healthcheck = value; return this; }
        public Builder deploy(Deploy value) { deploy = value; return this; }
        public Builder restart(String value) { restart = value; return this; }
        public Builder volume(String value) { volumes.add(value); return this; }
        public Builder extension(String key, Object value) { extensions.put(key, value); return this; }

        /** Adds an entry unless one of that name is already there (the first rule to set a name wins). */
        public Builder env(EnvEntry entry) {
            if (environment.stream().noneMatch(e -> e.name().equals(entry.name()))) {
                environment.add(entry);
            }
            return this;
        }

        public Builder env(String envName, String value) {
            return env(new EnvEntry(envName, value));
        }

        public Builder dependsOn(String service, Condition condition) {
            if (dependsOn.stream().noneMatch(d -> d.service().equals(service))) {
                dependsOn.add(new Dependency(service, condition));
            }
            return this;
        }

        public ComposeService build() {
            return new ComposeService(name, comment, image, build, entrypoint, command, ports, environment,
                    healthcheck, dependsOn, deploy, restart, volumes, extensions);
        }
    }
}
