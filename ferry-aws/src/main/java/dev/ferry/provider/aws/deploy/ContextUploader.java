package dev.ferry.provider.aws.deploy;

import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Puts a build context where CodeBuild reads it: s3://BUCKET/PROJECT/SERVICE/HASH.tar.gz. An archive whose object
 * is already there (same hash, same content) is not sent again. The archive is a temporary file, always deleted.
 */
public final class ContextUploader {

    /** An uploaded (or already present) context. */
    public record Uploaded(String bucket, String key, String hash) {

        /** As CodeBuild's sourceLocation wants it: BUCKET/KEY. */
        public String sourceLocation() {
            return bucket + "/" + key;
        }
    }

    private final S3Client s3;
    private final Path scratch;
    private final EventSink events;

    /** @param scratch the folder for the temporary archive (the system's temp folder in production) */
    public ContextUploader(S3Client s3, Path scratch, EventSink events) {
        this.s3 = s3;
        this.scratch = scratch;
        this.events = events;
    }

    public static String key(String project, String service, String hash) {
        return project + "/" + service + "/" + hash + ".tar.gz";
    }

    /** The context's hash alone, for a plan: archives to a temporary file and deletes it; no call to AWS. */
    public String hash(Path context, String dockerfile) {
        Path file = temporary();
        try {
            return ContextArchive.write(context, dockerfile, file).hash();
        } finally {
            delete(file);
        }
    }

    public Uploaded upload(String bucket, String project, String service, Path context, String dockerfile) {
        Path file = temporary();
        try {
            ContextArchive archive = ContextArchive.write(context, dockerfile, file);
            String key = key(project, service, archive.hash());
            if (exists(bucket, key)) {
                events.emit(new FerryEvent.Status(service, "context unchanged (" + archive.hash() + ")"));
            } else {
                long size = Files.size(file);
                events.emit(new FerryEvent.Status(service, "uploading context (" + archive.entries() + " entries, "
                        + (size + 1023) / 1024 + " KiB)"));
                s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/gzip"), RequestBody.fromFile(file));
            }
            return new Uploaded(bucket, key, archive.hash());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the archive of " + context, e);
        } finally {
            delete(file);
        }
    }

    private boolean exists(String bucket, String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private Path temporary() {
        try {
            Files.createDirectories(scratch);
            return Files.createTempFile(scratch, "ferry-context-", ".tar.gz");
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a temporary file in " + scratch, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left in the temp folder harms nothing
        }
    }
}
