package dev.ferry.provider;

import java.util.List;

/**
 * Which logs to show.
 *
 * @param services the services (all when empty)
 * @param follow keep streaming new lines
 * @param tail the last lines per instance, or -1 for all
 * @param since only lines since then: a duration such as 10m or a timestamp; null for all
 */
public record LogOptions(List<String> services, boolean follow, int tail, String since) {

    public LogOptions {
        services = List.copyOf(services);
    }
}
