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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One CodeBuild project: StartBuild (the project must match) starts a build that moves one phase per BatchGetBuilds
 * call; a successful build pushes the image its buildspec tags (`-t 'URI'`) to the {@link FakeEcr}; a build set to
 * fail fails in BUILD and has log lines in {@link FakeLogs}.
 */
public final class FakeCodeBuild {

    static final List<String> PHASES = List.of("SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL",
            "PRE_BUILD", "BUILD", "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING", "COMPLETED");
    private static final Pattern TAG = Pattern.compile("-t '([^']+)'");

    private final String project;
    private final String logGroup;
    private final FakeEcr ecr;
    private final FakeLogs logs;
    private final Map<String, int[]> progress = new LinkedHashMap<>();
    private final Map<String, JsonNode> started = new LinkedHashMap<>();
    private final Map<String, List<String>> failing = new LinkedHashMap<>();
    private List<String> failNext;
    private int sequence;

    public FakeCodeBuild(String project, String logGroup, FakeEcr ecr, FakeLogs logs) {
        this.project = project;
        this.logGroup = logGroup;
        this.ecr = ecr;
        this.logs = logs;
    }

    public FakeCodeBuild install(FakeAws aws) {
        aws.on("CodeBuild_20161006.StartBuild", this::startBuild).on("CodeBuild_20161006.BatchGetBuilds", this::batchGetBuilds);
        return this;
    }

    /** The next build fails in BUILD with these log lines. */
    public synchronized FakeCodeBuild failNext(List<String> logLines) {
        failNext = List.copyOf(logLines);
        return this;
    }

    public synchronized Response startBuild(Request request) {
        JsonNode body = FakeEcr.parse(request);
        if (!project.equals(body.path("projectName").asText())) {
            return Response.jsonError(400, "ResourceNotFoundException", "Project cannot be found: "
                    + body.path("projectName").asText());
        }
        String id = project + ":build-" + ++sequence;
        started.put(id, body);
        progress.put(id, new int[] {0});
        if (failNext != null) {
            failing.put(id, failNext);
            logs.lines(logGroup, "build-" + sequence, failNext);
            failNext = null;
        }
        return Response.json("{\"build\":" + build(id) + "}");
    }

    public synchronized Response batchGetBuilds(Request request) {
        ArrayNode builds = FakeEcr.JSON.createArrayNode();
        for (JsonNode id : FakeEcr.parse(request).path("ids")) {
            int[] at = progress.get(id.asText());
            if (at == null) {
                continue;
            }
            int last = failing.containsKey(id.asText()) ? PHASES.indexOf("BUILD") : PHASES.size() - 1;
            if (at[0] < last) {
                at[0]++;
                if (at[0] == last && !failing.containsKey(id.asText())) {
                    Matcher tag = TAG.matcher(started.get(id.asText()).path("buildspecOverride").asText());
                    if (tag.find()) {
                        ecr.tag(tag.group(1).substring(tag.group(1).lastIndexOf(':') + 1));
                    }
                }
            }
            builds.add(FakeEcr.JSON.valueToTree(readTree(build(id.asText()))));
        }
        return Response.json("{\"builds\":" + builds + ",\"buildsNotFound\":[]}");
    }

    private String build(String id) {
        int at = progress.get(id)[0];
        boolean fails = failing.containsKey(id);
        int last = fails ? PHASES.indexOf("BUILD") : PHASES.size() - 1;
        String status = at < last ? "IN_PROGRESS" : fails ? "FAILED" : "SUCCEEDED";
        ObjectNode build = FakeEcr.JSON.createObjectNode().put("id", id).put("projectName", project)
                .put("buildStatus", status).put("currentPhase", PHASES.get(at));
        ArrayNode phases = build.putArray("phases");
        for (int i = 0; i <= at; i++) {
            ObjectNode phase = phases.addObject().put("phaseType", PHASES.get(i));
            if (i < at) {
                phase.put("phaseStatus", "SUCCEEDED");
            } else if (fails && status.equals("FAILED")) {
                phase.put("phaseStatus", "FAILED").putArray("contexts").addObject()
                        .put("statusCode", "COMMAND_EXECUTION_ERROR")
                        .put("message", "Error while executing command: docker build. Reason: exit status 1");
            }
        }
        build.putObject("logs").put("groupName", logGroup).put("streamName", id.substring(id.indexOf(':') + 1));
        return build.toString();
    }

    /** The StartBuild requests, in order. */
    public synchronized List<JsonNode> started() {
        return new ArrayList<>(started.values());
    }

    private static JsonNode readTree(String json) {
        try {
            return FakeEcr.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
