package dev.ferry.provider.aws.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * A build context as a deterministic tar.gz: the files .dockerignore leaves in, sorted by path, with fixed owner
 * and time, plus the Dockerfile to build with at {@link #DOCKERFILE}. The same context and Dockerfile always give
 * the same {@link #hash}, so an unchanged service is neither uploaded nor built again.
 *
 * @param file the archive (a temporary file the caller deletes)
 * @param hash the first 16 hex digits of the SHA-256 of the tar stream
 * @param entries how many files, folders and links it holds
 */
public record ContextArchive(Path file, String hash, int entries) {

    /** Where the archive carries the Dockerfile the build uses (ferry's plan or the user's file). */
    public static final String DOCKERFILE = ".ferry-build/Dockerfile";

    /** Writes the archive of {@code context} with {@code dockerfile} to {@code target}. */
    public static ContextArchive write(Path context, String dockerfile, Path target) {
        TreeMap<String, Path> entries = entries(context);
        MessageDigest sha = Hashes.digest();
        try (OutputStream file = Files.newOutputStream(target);
             GZIPOutputStream gzip = new GZIPOutputStream(file);
             TarWriter tar = new TarWriter(new DigestOutputStream(gzip, sha))) {
            byte[] dockerfileBytes = dockerfile.getBytes(StandardCharsets.UTF_8);
            entries.put(DOCKERFILE, null);
            entries.put(".ferry-build", null);
            for (var entry : entries.entrySet()) {
                String name = entry.getKey();
                Path path = entry.getValue();
                if (name.equals(DOCKERFILE)) {
                    tar.file(name, 0644, dockerfileBytes.length, new ByteArrayInputStream(dockerfileBytes));
                } else if (path == null || Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    tar.directory(name, 0755);
                } else if (Files.isSymbolicLink(path)) {
                    tar.symlink(name, Files.readSymbolicLink(path).toString().replace('\\', '/'));
                } else {
                    try (InputStream in = Files.newInputStream(path)) {
                        tar.file(name, Files.isExecutable(path) ? 0755 : 0644, Files.size(path), in);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not archive the build context " + context, e);
        }
        return new ContextArchive(target, HexFormat.of().formatHex(sha.digest()).substring(0, 16), entries.size());
    }

    /** Context-relative path → file, for what .dockerignore leaves in (ferry's reserved folder never). */
    private static TreeMap<String, Path> entries(Path context) {
        DockerIgnore ignore = DockerIgnore.of(context);
        TreeMap<String, Path> entries = new TreeMap<>();
        try {
            Files.walkFileTree(context, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(context)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = relative(context, dir);
                    if (name.equals(".ferry-build")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (ignore.ignores(name)) {
                        return ignore.hasExceptions() ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                    }
                    entries.put(name, dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = relative(context, file);
                    if (!ignore.ignores(name)) {
                        entries.put(name, file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the build context " + context, e);
        }
        return entries;
    }

    private static String relative(Path context, Path path) {
        return context.relativize(path).toString().replace('\\', '/');
    }
}
