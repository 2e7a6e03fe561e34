package dev.ferry.provider.aws.deploy;

import dev.ferry.FerryException;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.aws.template.BootstrapOutputs;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildPhase;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;

/**
 * Builds an uploaded context into an image in the bootstrap's ECR repository with the bootstrap's CodeBuild project,
 * reporting build phases as they change. An image whose tag (PROJECT-SERVICE-HASH) is already in the repository is
 * not built again: the same hash means the same context and Dockerfile.
 */
public final class CodeBuildRunner {

    private final CodeBuildClient codeBuild;
    private final EcrClient ecr;
    private final CloudWatchLogsClient logs;
    private final Waiting waiting;
    private final EventSink events;

    public CodeBuildRunner(CodeBuildClient codeBuild, EcrClient ecr, CloudWatchLogsClient logs, Waiting waiting,
                           EventSink events) {
        this.codeBuild = codeBuild;
        this.ecr = ecr;
        this.logs = logs;
        this.waiting = waiting;
        this.events = events;
    }

    /** The image tag of a service's context: PROJECT-SERVICE-HASH. */
    public static String tag(String project, String service, String hash) {
        return project + "-" + service + "-" + hash;
    }

    /** The repository's name within its URI (ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME). */
    static String repositoryName(String repositoryUri) {
        return repositoryUri.substring(repositoryUri.indexOf('/') + 1);
    }

    /** Whether the repository already holds {@code tag}; a describe-only call. */
    public boolean hasImage(BootstrapOutputs bootstrap, String tag) {
        try {
            return !ecr.describeImages(b -> b.repositoryName(repositoryName(bootstrap.imageRepositoryUri()))
                    .imageIds(ImageIdentifier.builder().imageTag(tag).build())).imageDetails().isEmpty();
        } catch (ImageNotFoundException e) {
            return false;
        }
    }

    /**
     * The image URI for the uploaded context, built and pushed unless the repository already has it.
     *
     * @param label the service (or services sharing the context) for progress and errors
     */
    public String ensureImage(BootstrapOutputs bootstrap, String label, String tag, ContextUploader.Uploaded context) {
        String imageUri = bootstrap.imageRepositoryUri() + ":" + tag;
        if (hasImage(bootstrap, tag)) {
            events.emit(new FerryEvent.Status(label, "image up to date (" + tag + ")"));
            return imageUri;
        }
        Build build = codeBuild.startBuild(b -> b.projectName(bootstrap.buildProject())
                .sourceTypeOverride(SourceType.S3).sourceLocationOverride(context.sourceLocation())
                .buildspecOverride(Buildspec.of(context, imageUri))).build();
        events.emit(new FerryEvent.Detail("CodeBuild build " + build.id() + " for " + label));
        String phase = "";
        while (true) {
            Build now = codeBuild.batchGetBuilds(b -> b.ids(build.id())).builds().get(0);
            String current = Objects.requireNonNullElse(now.currentPhase(), "SUBMITTED");
            if (!current.equals(phase)) {
                phase = current;
                events.emit(new FerryEvent.Status(label, "build " + current.toLowerCase(java.util.Locale.ROOT)));
            }
            String status = now.buildStatusAsString();
            if ("SUCCEEDED".equals(status)) {
                events.emit(new FerryEvent.Status(label, "built " + imageUri));
                return imageUri;
            }
            if (status != null && !status.equals("IN_PROGRESS")) {
                throw failed(label, now);
            }
            waiting.pause("the image build of " + label + " (CodeBuild " + build.id() + ")");
        }
    }

    private FerryException failed(String label, Build build) {
        String where = build.phases().stream().filter(p -> "FAILED".equals(p.phaseStatusAsString())
                        || "FAULT".equals(p.phaseStatusAsString()) || "TIMED_OUT".equals(p.phaseStatusAsString()))
                .findFirst().map(CodeBuildRunner::describe).orElse(build.buildStatusAsString());
        List<String> lines = build.logs() == null || build.logs().groupName() == null ? List.of()
                : LogTail.last(logs, build.logs().groupName(), build.logs().streamName());
        return FerryException.failed("the image build of " + label + " failed: " + where
                        + LogTail.indented(lines, "the build log"),
                "fix the build (`ferry build` builds the same Dockerfile locally) and run up again", null);
    }

    private static String describe(BuildPhase phase) {
        String context = phase.contexts().isEmpty() ? "" : ": " + phase.contexts().get(0).message();
        return phase.phaseTypeAsString() + " " + phase.phaseStatusAsString() + context;
    }
}
