package dev.ferry.provider.aws.data;

import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.aws.deploy.CodeBuildRunner;
import dev.ferry.provider.aws.deploy.ContextUploader;
import dev.ferry.provider.aws.ops.AwsCall;
import dev.ferry.provider.aws.template.BootstrapOutputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The mover image in the bootstrap's ECR repository, tagged {@link MoverImage#tag()}: used as it is when the tag is
 * there (same jar, same Postgres major), else built once by the bootstrap's CodeBuild project exactly as app images
 * are (the context {@link MoverImage#writeContext} writes, archived and uploaded to the artifact bucket).
 */
final class MoverImages {

    /** The S3 key's project part: s3://BUCKET/ferry-data-mover/data-mover/HASH.tar.gz. */
    static final String CONTEXT_PROJECT = "ferry-data-mover";

    private final CodeBuildRunner builder;
    private final ContextUploader uploader;
    private final Path scratch;
    private final EventSink events;

    MoverImages(CodeBuildRunner builder, ContextUploader uploader, Path scratch, EventSink events) {
        this.builder = builder;
        this.uploader = uploader;
        this.scratch = scratch;
        this.events = events;
    }

    /** Whether the repository already holds the image (a describe-only call, for the plan). */
    boolean present(BootstrapOutputs bootstrap, MoverImage image) {
        return AwsCall.run("ecr:DescribeImages", () -> builder.hasImage(bootstrap, image.tag()));
    }

    /** The image's URI, built and pushed first when the repository does not have it. */
    String ensure(BootstrapOutputs bootstrap, MoverImage image) {
        String uri = bootstrap.imageRepositoryUri() + ":" + image.tag();
        if (present(bootstrap, image)) {
            events.emit(new FerryEvent.Status(MoverRun.SOURCE, "image up to date (" + image.tag() + ")"));
            return uri;
        }
        events.emit(new FerryEvent.Status(MoverRun.SOURCE, "building image " + image.tag() + " with CodeBuild (once"
                + " per ferry version)"));
        Path context = temporaryDir();
        try {
            image.writeContext(context);
            ContextUploader.Uploaded uploaded = AwsCall.run("s3:PutObject", () -> uploader.upload(
                    bootstrap.artifactBucket(), CONTEXT_PROJECT, MoverRun.SOURCE, context, image.dockerfile()));
            return AwsCall.run("codebuild:StartBuild", () -> builder.ensureImage(bootstrap, MoverRun.SOURCE,
                    image.tag(), uploaded));
        } finally {
            deleteTree(context);
        }
    }

    private Path temporaryDir() {
        try {
            Files.createDirectories(scratch);
            return Files.createTempDirectory(scratch, "ferry-mover-context-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a temporary folder in " + scratch, e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind harms nothing
        }
    }
}
