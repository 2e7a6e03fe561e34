package dev.ferry.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A build context given as file names and contents, for tests and for callers that already hold the files. */
final class InMemorySourceTree implements SourceTree {

    private final Map<String, String> files;

    InMemorySourceTree(Map<String, String> files) {
        this.files = new TreeMap<>(files);
    }

    @Override
    public Optional<String> read(String path) {
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public List<String> files() {
        return List.copyOf(files.keySet());
    }

    @Override
    public Path location() {
        return Path.of("(in memory)");
    }
}
