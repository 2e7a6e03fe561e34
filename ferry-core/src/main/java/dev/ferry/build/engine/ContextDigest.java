package dev.ferry.build.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A fingerprint of what an image is built from: the Dockerfile text and every file of the context by path, size
 * and modification time (stat only, no reading, so large contexts stay cheap). Kept in {@link BuildRecords}; when
 * the image the tags name was built from the same fingerprint, nothing can have changed and the engine is not asked
 * to rebuild.
 * Over-approximates on purpose: a touched file or an ignored file that changed gives a (fully cached) rebuild,
 * never a stale image.
 */
final class ContextDigest {

    private ContextDigest() {
    }

    static String of(Path context, String dockerfile) {
        MessageDigest sha = sha256();
        sha.update(dockerfile.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        for (String entry : entries(context)) {
            sha.update(entry.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static List<String> entries(Path context) {
        List<String> entries = new ArrayList<>();
        try {
            Files.walkFileTree(context, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    entries.add(context.relativize(file) + "\t" + attrs.size() + "\t"
                            + attrs.lastModifiedTime().toMillis() + "\t" + (attrs.isSymbolicLink() ? "l" : "f"));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the build context " + context, e);
        }
        entries.sort(null);
        return entries;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
