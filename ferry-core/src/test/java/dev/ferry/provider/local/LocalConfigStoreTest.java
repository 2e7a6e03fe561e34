package dev.ferry.provider.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalConfigStoreTest {

    @TempDir
    Path dir;

    private LocalConfigStore store(String project) {
        return LocalConfigStore.forProject(dir.resolve(project), Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString()));
    }

    @Test
    void forProject_xdgConfigHome_keysTheFileByTheFoldersAbsolutePath() {
        LocalConfigStore a = store("shop");
        LocalConfigStore b = store("other/shop");
        assertThat(a.file().getParent()).isEqualTo(dir.resolve("xdg/ferry/local"));
        assertThat(a.file().getFileName().toString()).matches("shop-[0-9a-f]{12}\\.json");
        assertThat(a.file()).isNotEqualTo(b.file());
    }

    @Test
    void forProject_noXdg_usesDotConfigUnderHome() {
        LocalConfigStore store = LocalConfigStore.forProject(dir.resolve("app"), Map.of("HOME", dir.toString()));
        assertThat(store.file().getParent()).isEqualTo(dir.resolve(".config/ferry/local"));
    }

    @Test
    void setAll_thenNamesGetRemove_roundTrip() {
        LocalConfigStore store = store("app");
        store.setAll(Map.of("B_TOKEN", "t0k3n", "A_PASSWORD", "pw"));
        store.set("A_PASSWORD", "pw2");
        assertThat(store.names()).containsExactly("A_PASSWORD", "B_TOKEN");
        assertThat(store.get("A_PASSWORD")).contains("pw2");
        assertThat(store.remove("B_TOKEN")).isTrue();
        assertThat(store.remove("B_TOKEN")).isFalse();
        assertThat(store("app").names()).containsExactly("A_PASSWORD");
    }

    @Test
    void set_writesAnOwnerOnlyFileInAnOwnerOnlyFolder_withoutLeftovers() throws IOException {
        LocalConfigStore store = store("app");
        store.set("SECRET_KEY_BASE", "value-1");
        store.set("SECRET_KEY_BASE", "value-2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file().getParent()))).isEqualTo("rwx------");
        try (var files = Files.list(store.file().getParent())) {
            assertThat(files).containsExactly(store.file());
        }
        assertThat(Files.readString(store.file())).contains("value-2").doesNotContain("value-1");
    }

    @Test
    void set_badName_isBadInput() {
        assertThatThrownBy(() -> store("app").set("1BAD-NAME", "x")).isInstanceOf(FerryException.class)
                .hasMessageContaining("\"1BAD-NAME\" is not a config name");
    }

    @Test
    void description_namesTheFileNeverAValue() {
        LocalConfigStore store = store("app");
        store.set("API_TOKEN", "very-secret-value");
        assertThat(store.description()).contains(store.file().toString()).doesNotContain("very-secret-value");
    }

    @Test
    void read_corruptFile_failsWithoutQuotingIt() throws IOException {
        LocalConfigStore store = store("app");
        store.set("A", "1");
        Files.writeString(store.file(), "{\"values\": {\"A\": \"leaked-secret\"");
        assertThatThrownBy(store::names).isInstanceOf(FerryException.class)
                .hasMessageContaining("cannot be read").satisfies(e -> assertThat(e.getMessage()).doesNotContain("leaked-secret"));
    }
}
