package dev.ferry.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with an expected file; with -Dferry.golden.update=true it writes the file instead, so a reviewed
 * diff is the way to change expectations.
 */
final class Golden {

    static final boolean UPDATE = Boolean.getBoolean("ferry.golden.update");

    private Golden() {
    }

    static void assertMatches(Path expectedFile, String actual) throws IOException {
        if (UPDATE) {
            Files.createDirectories(expectedFile.getParent());
            Files.writeString(expectedFile, actual);
        }
        assertThat(expectedFile).as("golden file (regenerate with -Dferry.golden.update=true)").exists();
        assertThat(actual).as("golden " + expectedFile).isEqualTo(Files.readString(expectedFile));
    }
}
