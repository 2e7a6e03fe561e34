package dev.ferry.provider.aws.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerIgnoreTest {

    @Test
    void ignores_patternsAsDockerReadsThem_lastMatchWins() {
        DockerIgnore ignore = DockerIgnore.parse("""
                # comment
                node_modules
                /tmp/
                *.log
                !keep.log
                **/*.pyc
                docs/**/draft-?.md
                secret[0-9].txt
                """);

        assertThat(ignore.ignores("node_modules")).isTrue();
        assertThat(ignore.ignores("node_modules/left-pad/index.js")).isTrue(); // a folder's pattern covers its files
        assertThat(ignore.ignores("tmp/cache/x")).isTrue();
        assertThat(ignore.ignores("debug.log")).isTrue();
        assertThat(ignore.ignores("keep.log")).isFalse();
        assertThat(ignore.ignores("logs/debug.log")).isFalse(); // * does not cross folders
        assertThat(ignore.ignores("app/models/user.pyc")).isTrue();
        assertThat(ignore.ignores("top.pyc")).isTrue(); // **/ matches no folder too
        assertThat(ignore.ignores("docs/a/b/draft-1.md")).isTrue();
        assertThat(ignore.ignores("docs/draft-12.md")).isFalse();
        assertThat(ignore.ignores("secret7.txt")).isTrue();
        assertThat(ignore.ignores("secretx.txt")).isFalse();
        assertThat(ignore.ignores("src/index.js")).isFalse();
        assertThat(ignore.hasExceptions()).isTrue();
    }

    @Test
    void ignores_noFile_nothingIgnored() {
        DockerIgnore ignore = DockerIgnore.parse("");

        assertThat(ignore.ignores("anything/at/all")).isFalse();
        assertThat(ignore.hasExceptions()).isFalse();
    }
}
