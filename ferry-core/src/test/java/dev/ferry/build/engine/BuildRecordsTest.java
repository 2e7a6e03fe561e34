package dev.ferry.build.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildRecordsTest {

    private static final Engine LOCAL = new Engine(Engine.Kind.PODMAN, Path.of("/usr/bin/podman"), Map.of());
    private static final BuildRecords.Entry ENTRY = new BuildRecords.Entry("d1", "abc123");

    @TempDir
    Path folder;

    @Test
    void read_afterWrite_sameEntryWhateverTheTagOrder() {
        BuildRecords records = new BuildRecords(folder);
        records.write(LOCAL, List.of("app-web", "app-worker"), ENTRY);

        assertThat(records.read(LOCAL, List.of("app-worker", "app-web"))).contains(ENTRY);
    }

    @Test
    void read_otherTagsOrAnotherEngineAddress_empty() {
        BuildRecords records = new BuildRecords(folder);
        records.write(LOCAL, List.of("app-web"), ENTRY);
        Engine remote = new Engine(Engine.Kind.PODMAN, Path.of("/usr/bin/podman"),
                Map.of("CONTAINER_HOST", "ssh://build@host/run/podman/podman.sock"));

        assertThat(records.read(LOCAL, List.of("app-worker"))).isEmpty();
        assertThat(records.read(remote, List.of("app-web"))).isEmpty();
    }

    @Test
    void read_nothingWrittenOrGarbled_empty() throws Exception {
        BuildRecords records = new BuildRecords(folder);
        assertThat(records.read(LOCAL, List.of("app-web"))).isEmpty();

        records.write(LOCAL, List.of("app-web"), ENTRY);
        try (var files = Files.list(folder)) {
            Files.writeString(files.findFirst().orElseThrow(), "not a record\n");
        }
        assertThat(records.read(LOCAL, List.of("app-web"))).isEmpty();
    }

    @Test
    void write_folderCannotBeCreated_noError() throws Exception {
        Path file = Files.writeString(folder.resolve("a-file"), "x");
        BuildRecords records = new BuildRecords(file.resolve("builds"));

        records.write(LOCAL, List.of("app-web"), ENTRY);

        assertThat(records.read(LOCAL, List.of("app-web"))).isEmpty();
    }

    @Test
    void inUserCache_xdgCacheHome_underIt() {
        BuildRecords records = BuildRecords.inUserCache(Map.of("XDG_CACHE_HOME", folder.toString()));
        records.write(LOCAL, List.of("app-web"), ENTRY);

        assertThat(folder.resolve("ferry/builds")).isDirectory();
        assertThat(records.read(LOCAL, List.of("app-web"))).contains(ENTRY);
    }
}
