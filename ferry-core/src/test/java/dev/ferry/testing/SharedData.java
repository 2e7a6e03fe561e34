package dev.ferry.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only ../shared folder (schemas, sample apps) that surefire passes as {@code ferry.shared.dir}. */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        String configured = System.getProperty("ferry.shared.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("shared data not found at " + dir.toAbsolutePath()
                    + ": tests need the read-only shared/ folder beside the checkout (-Dferry.shared.dir=...)");
        }
        return dir.normalize();
    }

    public static Path resolve(String relative) {
        return dir().resolve(relative);
    }

    public static Path sampleApp(String name) {
        return resolve("heroku/sample-apps/" + name);
    }
}
