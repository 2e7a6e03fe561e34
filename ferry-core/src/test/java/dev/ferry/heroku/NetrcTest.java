package dev.ferry.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetrcTest {

    @Test
    void password_herokuLoginLayout_found() {
        String netrc = """
                machine api.heroku.com
                  login me@example.com
                  password HRKU-api
                machine git.heroku.com
                  login me@example.com
                  password HRKU-git
                """;
        assertThat(Netrc.password(netrc, "api.heroku.com")).contains("HRKU-api");
        assertThat(Netrc.password(netrc, "git.heroku.com")).contains("HRKU-git");
    }

    @Test
    void password_oneLineEntriesWithPort_matchesHostAndPortExactly() {
        String netrc = "machine 127.0.0.1:5000 login a password local\nmachine api.heroku.com login a password remote\n";
        assertThat(Netrc.password(netrc, "127.0.0.1:5000")).contains("local");
        assertThat(Netrc.password(netrc, "127.0.0.1")).isEmpty();
        assertThat(Netrc.password(netrc, "127.0.0.1:5001")).isEmpty();
    }

    @Test
    void password_defaultEntry_ignored() {
        assertThat(Netrc.password("default login a password for-everyone\n", "api.heroku.com")).isEmpty();
    }

    @Test
    void password_commentsAndMacros_skipped() {
        String netrc = """
                # machine api.heroku.com password commented-out
                macdef init
                machine api.heroku.com password inside-a-macro

                machine api.heroku.com
                  password "quoted-token"
                """;
        assertThat(Netrc.password(netrc, "api.heroku.com")).contains("quoted-token");
    }

    @Test
    void password_entryWithoutPassword_empty() {
        assertThat(Netrc.password("machine api.heroku.com login me@example.com\n", "api.heroku.com")).isEmpty();
    }
}
