package dev.ferry.provider.aws.ops;

import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/**
 * Follows a project's image builds in the shared CodeBuild project while a deploy runs them: one status line per
 * service ("build web  pre build"), until none is in progress. A build belongs to the project when its S3 source
 * is BUCKET/PROJECT/SERVICE/HASH.tar.gz, where the deployer uploads contexts.
 */
public final class BuildWatch {

    /** The newest builds of the shared project looked at; older ones cannot still be running a deploy's build. */
    static final int RECENT = 20;

    private final CodeBuildClient codeBuild;
    private final Duration poll;
    private final Map<String, String> shown = new HashMap<>();

    public BuildWatch(CodeBuildClient codeBuild, Duration poll) {
        this.codeBuild = codeBuild;
        this.poll = poll;
    }

    /** @return whether any build of the project was in progress when called */
    public boolean until(String buildProject, String project, EventSink events) throws InterruptedException {
        boolean any = false;
        while (true) {
            List<Build> running = running(buildProject, project);
            running.forEach(build -> show(build, project, events));
            if (running.isEmpty()) {
                return any;
            }
            any = true;
            Thread.sleep(poll.toMillis());
        }
    }

    private List<Build> running(String buildProject, String project) {
        List<String> ids = AwsCall.run("codebuild:ListBuildsForProject", () -> codeBuild.listBuildsForProject(b -> b
                .projectName(buildProject).sortOrder("DESCENDING"))).ids();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> recent = ids.subList(0, Math.min(RECENT, ids.size()));
        return AwsCall.run("codebuild:BatchGetBuilds", () -> codeBuild.batchGetBuilds(b -> b.ids(recent))).builds()
                .stream().filter(b -> b.buildStatus() == StatusType.IN_PROGRESS && service(b, project) != null).toList();
    }

    private void show(Build build, String project, EventSink events) {
        String phase = build.currentPhase() == null ? "queued"
                : build.currentPhase().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (!phase.equals(shown.put(build.id(), phase))) {
            events.emit(new FerryEvent.Status("build " + service(build, project), phase));
        }
    }

    /** SERVICE from a source location BUCKET/PROJECT/SERVICE/HASH.tar.gz (or with s3:// / arn prefixes), else null. */
    static String service(Build build, String project) {
        String location = build.source() == null || build.source().location() == null ? "" : build.source().location();
        String[] parts = location.replaceFirst("^(s3://|arn:aws:s3:::)", "").split("/");
        for (int i = 1; i + 2 < parts.length; i++) {
            if (parts[i].equals(project)) {
                return parts[i + 1];
            }
        }
        return null;
    }
}
