package dev.ferry.provider;

import dev.ferry.build.PullPolicy;
import java.time.Duration;

/**
 * How to run {@code up}.
 *
 * @param pull whether images (base images and image: services) may be pulled
 * @param waitTimeout how long to wait for a service to become healthy, or for a run-once service to finish
 */
public record UpOptions(PullPolicy pull, Duration waitTimeout) {

    public static UpOptions defaults() {
        return new UpOptions(PullPolicy.MISSING, Duration.ofMinutes(3));
    }
}
