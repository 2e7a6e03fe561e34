package dev.ferry.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of one build context, as detection sees them. Detection and planning read only through this, so they
 * are pure: tests hand in a map of file names to contents, the CLI hands in a folder.
 */
public interface SourceTree {

    /** Whether the file (relative, '/' separated) exists. */
    default boolean exists(String path) {
        return read(path).isPresent();
    }

    /** The file's text, or empty when it does not exist or is not readable text. */
    Optional<String> read(String path);

    /**
     * Relative paths of the tree's files, sorted; dependency and build output folders (node_modules, vendor,
     * target, .git, ...) are left out and the depth is bounded, so this stays cheap on large apps.
     */
    List<String> files();

    /** The folder on disk, or a Path naming the in-memory tree; for messages only. */
    Path location();

    static SourceTree of(Path folder) {
        return new FolderSourceTree(folder);
    }

    static SourceTree of(Map<String, String> files) {
        return new InMemorySourceTree(files);
    }
}
