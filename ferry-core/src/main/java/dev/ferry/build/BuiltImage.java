package dev.ferry.build;

import java.time.Duration;
import java.util.List;

/**
 * An image the engine built.
 *
 * @param tags its tags
 * @param id the engine's image id, hex digits without the "sha256:" prefix
 * @param took how long the build took
 */
public record BuiltImage(List<String> tags, String id, Duration took) {

    public BuiltImage {
        tags = List.copyOf(tags);
    }
}
