package dev.ferry.build;

import java.util.Objects;

/**
 * The language version a plan builds with, and why.
 *
 * @param version the version as the base image tag uses it: "20" for Node, "3.12" for Python, "17" for Java
 * @param source where it came from, e.g. "package.json engines.node \"20.x\"" or "ferry's default"
 */
public record VersionChoice(String version, String source) {

    public static final String DEFAULT_SOURCE = "ferry's default";

    public VersionChoice {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
    }

    public static VersionChoice of(String version, String source) {
        return new VersionChoice(version, source);
    }

    public static VersionChoice byDefault(String version) {
        return new VersionChoice(version, DEFAULT_SOURCE);
    }

    public boolean isDefault() {
        return DEFAULT_SOURCE.equals(source);
    }
}
