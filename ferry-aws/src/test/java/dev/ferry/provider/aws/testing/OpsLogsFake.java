package dev.ferry.provider.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.provider.aws.testing.FakeAws.Request;
import dev.ferry.provider.aws.testing.FakeAws.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch Logs FilterLogEvents on a {@link FakeAws}, over one log group: events filtered by stream prefix and
 * start time (inclusive), oldest first, in pages joined by nextToken, as the CloudWatch Logs API reference shows.
 * Lines can be added while a test follows.
 */
public final class OpsLogsFake {

    private record Event(String stream, long timestamp, String message, String id) {}

    private final String group;
    private final List<Event> events = new ArrayList<>();
    private volatile int pageSize = 100;

    private OpsLogsFake(String group) {
        this.group = group;
    }

    public static OpsLogsFake on(FakeAws aws, String group) {
        OpsLogsFake logs = new OpsLogsFake(group);
        aws.on("Logs_20140328.FilterLogEvents", logs::filter);
        return logs;
    }

    public OpsLogsFake pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    /** A line written by a task of {@code service} at {@code timestamp} (epoch millis). */
    public synchronized OpsLogsFake line(String service, long timestamp, String message) {
        events.add(new Event(service + "/" + service + "/0a1b2c3d", timestamp, message,
                String.format("%056d", events.size())));
        return this;
    }

    private synchronized Response filter(Request request) {
        JsonNode body = OpsJson.read(request);
        if (!group.equals(body.path("logGroupName").asText())) {
            return Response.jsonError(400, "ResourceNotFoundException", "The specified log group does not exist.");
        }
        String prefix = body.path("logStreamNamePrefix").asText("");
        long start = body.path("startTime").asLong(0);
        List<Event> matching = events.stream().filter(e -> e.stream().startsWith(prefix) && e.timestamp() >= start)
                .sorted(java.util.Comparator.comparingLong(Event::timestamp)).toList();
        int from = body.has("nextToken") ? Integer.parseInt(body.path("nextToken").asText()) : 0;
        int to = Math.min(matching.size(), from + pageSize);
        List<Object> page = new ArrayList<>();
        for (Event e : matching.subList(from, to)) {
            page.add(Map.of("logStreamName", e.stream(), "timestamp", e.timestamp(), "message", e.message(),
                    "ingestionTime", e.timestamp() + 5, "eventId", e.id()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("events", page);
        answer.put("searchedLogStreams", List.of());
        if (to < matching.size()) {
            answer.put("nextToken", String.valueOf(to));
        }
        return OpsJson.answer(answer);
    }
}
