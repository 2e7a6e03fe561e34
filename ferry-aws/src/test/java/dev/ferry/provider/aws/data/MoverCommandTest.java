package dev.ferry.provider.aws.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.data.deployed.DataKind;
import org.junit.jupiter.api.Test;

class MoverCommandTest {

    @Test
    void command_postgres_urlsFromTheEnvironmentYesAndJobs() {
        assertThat(MoverCommand.command(DataKind.POSTGRES, 4, false)).containsExactly("data", "migrate",
                "--from-url", "env:FERRY_SOURCE_URL", "--to-url", "env:FERRY_TARGET_URL", "--yes", "--jobs", "4");
    }

    @Test
    void command_force_lastArgument() {
        assertThat(MoverCommand.command(DataKind.POSTGRES, 1, true)).endsWith("--jobs", "1", "--force");
    }

    @Test
    void command_redis_noJobs() {
        assertThat(MoverCommand.command(DataKind.REDIS, 4, true)).containsExactly("data", "migrate",
                "--from-url", "env:FERRY_SOURCE_URL", "--to-url", "env:FERRY_TARGET_URL", "--yes", "--force");
    }

    @Test
    void command_neverCarriesAUrl() {
        assertThat(MoverCommand.command(DataKind.POSTGRES, 2, true)).noneMatch(arg -> arg.contains("://"));
    }

    @Test
    void command_jobsBelowOne_refused() {
        assertThatThrownBy(() -> MoverCommand.command(DataKind.POSTGRES, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
