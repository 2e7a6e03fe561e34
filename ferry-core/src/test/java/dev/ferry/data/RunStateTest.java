package dev.ferry.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStateTest {

    @TempDir
    Path dir;

    private final ConnectionUrl source = ConnectionUrl.parse("postgres://u:pw-one@heroku.example:5432/d1", "x");
    private final ConnectionUrl target = ConnectionUrl.parse("postgres://v:pw-two@db.example:5432/app", "x");

    @Test
    void file_samePlacesAnyPassword_sameFile_otherTarget_otherFile() {
        ConnectionUrl samePlaceOtherPassword = ConnectionUrl.parse("postgres://u:changed@heroku.example:5432/d1", "x");
        ConnectionUrl otherTarget = ConnectionUrl.parse("postgres://v:pw-two@db.example:5432/other", "x");

        assertThat(RunState.file(dir, "postgres", source, target))
                .isEqualTo(RunState.file(dir, "postgres", samePlaceOtherPassword, target))
                .isNotEqualTo(RunState.file(dir, "postgres", source, otherTarget));
        assertThat(RunState.file(dir, "postgres", source, target).getFileName().toString())
                .matches("postgres-[0-9a-f]{12}\\.json");
    }

    @Test
    void write_thenRead_roundTripsWithoutPasswords() throws Exception {
        Path file = RunState.file(dir, "postgres", source, target);
        RunState.started("postgres", source, target, 2).at(RunState.Phase.COPIED).write(file);

        RunState read = RunState.read(file).orElseThrow();

        assertThat(read.phase()).isEqualTo(RunState.Phase.COPIED);
        assertThat(read.jobs()).isEqualTo(2);
        assertThat(read.source()).isEqualTo("postgres://u:***@heroku.example:5432/d1");
        assertThat(Files.readString(file)).doesNotContain("pw-one").doesNotContain("pw-two");
        assertThat(RunState.read(dir.resolve("absent.json"))).isEmpty();
    }
}
