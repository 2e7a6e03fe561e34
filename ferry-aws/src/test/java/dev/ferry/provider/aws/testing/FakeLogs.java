package dev.ferry.provider.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.provider.aws.testing.FakeAws.Request;
import dev.ferry.provider.aws.testing.FakeAws.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch Logs streams in memory: GetLogEvents answers a stream's lines (the last `limit` when read backwards),
 * reading on from a forward token (f/N) as a follower does.
 */
public final class FakeLogs {

    private final Map<String, List<String>> streams = new LinkedHashMap<>();

    public FakeLogs install(FakeAws aws) {
        aws.on("Logs_20140328.GetLogEvents", this::getLogEvents);
        return this;
    }

    /** Appends lines to GROUP's STREAM. */
    public synchronized FakeLogs lines(String group, String stream, List<String> lines) {
        streams.computeIfAbsent(group + "|" + stream, k -> new ArrayList<>()).addAll(lines);
        return this;
    }

    public synchronized Response getLogEvents(Request request) {
        JsonNode body = FakeEcr.parse(request);
        List<String> lines = streams.get(body.path("logGroupName").asText() + "|" + body.path("logStreamName").asText());
        if (lines == null) {
            return Response.jsonError(400, "ResourceNotFoundException", "The specified log stream does not exist.");
        }
        int limit = body.path("limit").asInt(10_000);
        boolean fromHead = body.path("startFromHead").asBoolean(false);
        // a forward token f/N reads on from line N (the API's nextForwardToken); at the end it comes back unchanged
        String token = body.path("nextToken").asText("");
        int from = token.startsWith("f/") ? Math.min(Integer.parseInt(token.substring(2)), lines.size()) : 0;
        List<String> page = fromHead || !token.isEmpty() ? lines.subList(from, Math.min(from + limit, lines.size()))
                : lines.subList(Math.max(0, lines.size() - limit), lines.size());
        int end = fromHead || !token.isEmpty() ? from + page.size() : lines.size();
        ObjectNode answer = FakeEcr.JSON.createObjectNode();
        ArrayNode events = answer.putArray("events");
        long time = 1_764_000_000_000L;
        for (String line : page) {
            events.addObject().put("timestamp", time).put("message", line).put("ingestionTime", time);
            time += 1000;
        }
        answer.put("nextForwardToken", "f/" + end).put("nextBackwardToken", "b/1");
        return Response.json(answer.toString());
    }
}
