package dev.ferry.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateTempFolderTest {

    @TempDir
    Path parent;

    @Test
    void create_ownerOnlyFolderUnderTheParent() throws Exception {
        try (PrivateTempFolder folder = PrivateTempFolder.create(parent, "ferry-x-", "test")) {
            assertThat(folder.path().getParent()).isEqualTo(parent);
            assertThat(folder.path().getFileName().toString()).startsWith("ferry-x-");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.path())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void close_deletesTheFolderWithNestedContents_secondCloseDoesNothing() throws Exception {
        PrivateTempFolder folder = PrivateTempFolder.create(parent, "ferry-x-", "test");
        Files.createDirectories(folder.path().resolve("a/b"));
        Files.writeString(folder.path().resolve("a/b/rows.dump"), "rows");
        Files.writeString(folder.path().resolve("top.dump"), "rows");

        folder.close();
        folder.close();

        assertThat(folder.path()).doesNotExist();
        assertThat(parent).isEmptyDirectory();
    }
}
