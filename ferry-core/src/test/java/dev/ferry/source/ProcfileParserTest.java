package dev.ferry.source;

import static dev.ferry.source.BadInput.messageOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.snapshot.SourceFacts.ProcfileEntry;
import org.junit.jupiter.api.Test;

class ProcfileParserTest {

    @Test
    void parse_herokuGrammar_keepsFileOrderAndLineNumbers() {
        String procfile = "web: bundle exec puma -C config/puma.rb\r\n\r\n# worker: sidekiq\r\n"
                + "  worker:   node worker.js  \nrelease:./bin/release\n";

        assertThat(ProcfileParser.parse(procfile, "Procfile")).containsExactly(
                new ProcfileEntry("web", "bundle exec puma -C config/puma.rb", 1),
                new ProcfileEntry("worker", "node worker.js", 4),
                new ProcfileEntry("release", "./bin/release", 5));
    }

    @Test
    void parse_commandWithColons_keepsEverythingAfterTheFirstColon() {
        assertThat(ProcfileParser.parse("web_2: node s.js --url=http://0.0.0.0:5000", "Procfile"))
                .containsExactly(new ProcfileEntry("web_2", "node s.js --url=http://0.0.0.0:5000", 1));
    }

    @Test
    void parse_onlyCommentsAndBlankLines_noEntries() {
        assertThat(ProcfileParser.parse("# nothing\n\n   \n#web: x\n", "Procfile")).isEmpty();
    }

    @Test
    void parse_typeWithSpace_badInputNamingTheLine() {
        assertThat(messageOf(() -> ProcfileParser.parse("web: a\n\nweb server: b\n", "Procfile")))
                .isEqualTo("Procfile:3: \"web server\" is not a process type: names use letters, digits, '-' and '_'");
    }

    @Test
    void parse_lineWithoutColon_badInputNamingTheLine() {
        assertThat(messageOf(() -> ProcfileParser.parse("web: a\nbundle exec sidekiq\n", "app/Procfile")))
                .isEqualTo("app/Procfile:2: expected \"type: command\" but the line has no ':'");
    }

    @Test
    void parse_emptyCommand_badInputNamingTheLine() {
        assertThat(messageOf(() -> ProcfileParser.parse("# c\r\nweb:   \r\n", "Procfile")))
                .isEqualTo("Procfile:2: process type \"web\" has no command");
    }

    @Test
    void parse_duplicateType_badInputNamingBothLines() {
        assertThat(messageOf(() -> ProcfileParser.parse("web: a\nworker: b\n\nweb: c\n", "Procfile")))
                .isEqualTo("Procfile:4: process type \"web\" is declared twice (first on line 1)");
    }

    @Test
    void parse_inlineAssignmentBeforeColon_messageDoesNotRepeatIt() {
        String message = messageOf(() -> ProcfileParser.parse("API_TOKEN=hunter2 node x.js: run\n", "Procfile"));

        assertThat(message).isEqualTo("Procfile:1: the text before the first ':' is not a process type: "
                + "names use letters, digits, '-' and '_'").doesNotContain("hunter2");
    }
}
