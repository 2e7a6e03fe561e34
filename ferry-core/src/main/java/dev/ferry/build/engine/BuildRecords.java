package dev.ferry.build.engine;

import dev.ferry.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What ferry last built for a set of tags on an engine: the build's {@link ContextDigest} and the image id, one
 * small file per (engine, tags) in ferry's cache folder. It lets a build skip the engine when nothing changed (the
 * engine then only confirms that the tags still name that image) and go straight to the engine when the digest
 * differs, without asking it first. Kept outside the image so that the image needs no label step of its own (a
 * step and a commit per build with Podman) and so that a fully cached rebuild, whose image is an older one, is
 * recorded exactly. A missing, foreign or unreadable record only ever costs a (cached) build, never a stale image.
 */
public final class BuildRecords {

    /** One build: what it was built from and what came out. */
    public record Entry(String digest, String imageId) {
    }

    private final Path folder;

    public BuildRecords(Path folder) {
        this.folder = folder;
    }

    /** $XDG_CACHE_HOME/ferry/builds, else ~/.cache/ferry/builds. */
    public static BuildRecords inUserCache(Map<String, String> environment) {
        String xdg = environment.getOrDefault("XDG_CACHE_HOME", "");
        Path cache = xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return new BuildRecords(cache.resolve("ferry").resolve("builds"));
    }

    public Optional<Entry> read(Engine engine, List<String> tags) {
        Path file = file(engine, tags);
        try {
            String[] fields = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
            return fields.length == 2 ? Optional.of(new Entry(fields[0], fields[1])) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Best effort: a cache folder that cannot be written only means the next build asks the engine. */
    public void write(Engine engine, List<String> tags, Entry entry) {
        try {
            AtomicFiles.write(file(engine, tags), entry.digest() + " " + entry.imageId() + "\n", true);
        } catch (UncheckedIOException e) {
            // nothing to do: the record is an optimisation
        }
    }

    /** The engine's command and the address it talks to, with the tags in any order: one record each. */
    private Path file(Engine engine, List<String> tags) {
        Map<String, String> env = engine.environment();
        String key = String.join("\n", engine.kind().command(), engine.executable().toString(),
                env.getOrDefault("CONTAINER_HOST", ""), env.getOrDefault("CONTAINER_CONNECTION", ""),
                env.getOrDefault("DOCKER_HOST", ""), env.getOrDefault("DOCKER_CONTEXT", ""),
                String.join(" ", new TreeSet<>(tags)));
        return folder.resolve(sha256(key));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
