package dev.ferry.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A build context on disk. */
final class FolderSourceTree implements SourceTree {

    /** Folders that hold installed dependencies or build output, never source that reveals the language. */
    private static final Set<String> SKIPPED = Set.of(".git", "node_modules", "vendor", "target", "build", ".venv",
            "venv", "__pycache__", ".bundle", "tmp", "log", "dist", ".gradle", ".idea");
    private static final int MAX_DEPTH = 5;
    private static final int MAX_FILES = 5000;
    private static final long MAX_READ_BYTES = 1 << 20;

    private final Path root;
    private List<String> files;

    FolderSourceTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<String> read(String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file) > MAX_READ_BYTES) {
                return Optional.of("");
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (MalformedInputException e) {
            return Optional.of("");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    @Override
    public boolean exists(String path) {
        Path file = root.resolve(path).normalize();
        return file.startsWith(root) && Files.isRegularFile(file);
    }

    @Override
    public synchronized List<String> files() {
        if (files == null) {
            files = walk();
        }
        return files;
    }

    private List<String> walk() {
        List<String> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && SKIPPED.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        found.add(root.relativize(file).toString().replace('\\', '/'));
                    }
                    return found.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + root, e);
        }
        Collections.sort(found);
        return List.copyOf(found);
    }

    @Override
    public Path location() {
        return root;
    }
}
