package dev.ferry.provider.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.provider.aws.testing.FakeAws.Request;
import dev.ferry.provider.aws.testing.FakeAws.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CodeBuild's ListBuildsForProject and BatchGetBuilds on a {@link FakeAws}, for one build project, in the shapes of
 * the CodeBuild API reference. Each build walks through its phases, one per BatchGetBuilds, then SUCCEEDED.
 */
public final class OpsBuildsFake {

    private static final List<String> PHASES = List.of("PROVISIONING", "DOWNLOAD_SOURCE", "PRE_BUILD", "BUILD",
            "POST_BUILD", "COMPLETED");

    private final String project;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, Integer> phase = new LinkedHashMap<>();

    private OpsBuildsFake(String project) {
        this.project = project;
    }

    public static OpsBuildsFake on(FakeAws aws, String project) {
        OpsBuildsFake builds = new OpsBuildsFake(project);
        aws.on("CodeBuild_20161006.ListBuildsForProject", builds::list)
                .on("CodeBuild_20161006.BatchGetBuilds", builds::get);
        return builds;
    }

    /** A build in progress of an uploaded context, e.g. source "ferry-artifacts-123/shop/web/abc.tar.gz". */
    public synchronized OpsBuildsFake running(String id, String sourceLocation) {
        sources.put(project + ":" + id, sourceLocation);
        phase.put(project + ":" + id, 0);
        return this;
    }

    private synchronized Response list(Request request) {
        JsonNode body = OpsJson.read(request);
        if (!project.equals(body.path("projectName").asText())) {
            return Response.jsonError(400, "ResourceNotFoundException", "The specified project does not exist.");
        }
        List<String> ids = new ArrayList<>(sources.keySet());
        java.util.Collections.reverse(ids); // DESCENDING: newest first
        return OpsJson.answer(Map.of("ids", ids));
    }

    private synchronized Response get(Request request) {
        List<Object> builds = new ArrayList<>();
        OpsJson.read(request).path("ids").forEach(idNode -> {
            String id = idNode.asText();
            if (!sources.containsKey(id)) {
                return;
            }
            int at = Math.min(phase.get(id), PHASES.size() - 1);
            phase.put(id, at + 1);
            boolean done = PHASES.get(at).equals("COMPLETED");
            Map<String, Object> build = new LinkedHashMap<>();
            build.put("id", id);
            build.put("arn", "arn:aws:codebuild:us-east-1:123456789012:build/" + id);
            build.put("projectName", project);
            build.put("buildStatus", done ? "SUCCEEDED" : "IN_PROGRESS");
            build.put("currentPhase", PHASES.get(at));
            build.put("source", Map.of("type", "S3", "location", sources.get(id)));
            builds.add(build);
        });
        return OpsJson.answer(Map.of("builds", builds, "buildsNotFound", List.of()));
    }
}
