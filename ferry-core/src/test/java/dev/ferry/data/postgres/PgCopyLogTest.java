package dev.ferry.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgCopyLogTest {

    @TempDir
    Path dir;

    private final PgTable users = new PgTable("public", "users", 0, 0);
    private final PgTable odd = new PgTable("we\"ird", "line\nbreak", 0, 0);

    @Test
    void fileFor_stateFile_siblingWithStepsSuffix() {
        assertThat(PgCopyLog.fileFor(dir.resolve("postgres-0123456789ab.json")))
                .isEqualTo(dir.resolve("postgres-0123456789ab.steps"));
    }

    @Test
    void record_thenRead_knowsTheStepsAndTables() {
        Path file = dir.resolve("x.steps");
        PgCopyLog log = PgCopyLog.fresh(file);
        log.record(PgCopyLog.PRE_DATA);
        log.record(PgCopyLog.table(odd));

        PgCopyLog read = PgCopyLog.read(file);

        assertThat(read.isDone(PgCopyLog.PRE_DATA)).isTrue();
        assertThat(read.isDone(odd)).isTrue();
        assertThat(read.isDone(users)).isFalse();
        assertThat(read.isDone(PgCopyLog.POST_DATA)).isFalse();
        assertThat(read.tablesDone(List.of(users, odd))).isEqualTo(1);
    }

    @Test
    void read_tornLastLine_thatStepIsNotDone() throws Exception {
        Path file = dir.resolve("x.steps");
        PgCopyLog.fresh(file).record(PgCopyLog.table(users));
        Files.writeString(file, "\"table public.ord", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        PgCopyLog read = PgCopyLog.read(file);

        assertThat(read.isDone(users)).isTrue();
        assertThat(read.tablesDone(List.of(users, new PgTable("public", "ord", 0, 0)))).isEqualTo(1);
    }

    @Test
    void fresh_forgetsAnEarlierRun() {
        Path file = dir.resolve("x.steps");
        PgCopyLog.fresh(file).record(PgCopyLog.PRE_DATA);

        PgCopyLog.fresh(file);

        assertThat(PgCopyLog.read(file).isDone(PgCopyLog.PRE_DATA)).isFalse();
        assertThat(file).doesNotExist();
    }
}
