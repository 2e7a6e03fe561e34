package dev.ferry.source;

import static dev.ferry.source.BadInput.messageOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import dev.ferry.FerryException;
import dev.ferry.snapshot.SourceFacts;
import dev.ferry.snapshot.SourceFacts.ProcfileEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFolderReaderTest {

    @TempDir
    Path dir;

    @Test
    void read_folderWithEveryManifest_readsEachAndListsLanguageFilesSorted() throws IOException {
        Files.writeString(dir.resolve("Procfile"), "\uFEFFweb: ./server\n");
        Files.writeString(dir.resolve("app.json"), "{\"name\": \"x\", \"addons\": [\"heroku-redis\"]}");
        Files.writeString(dir.resolve("heroku.yml"), "build:\n  docker:\n    web: Dockerfile\n");
        for (String file : List.of("go.mod", "Dockerfile", ".nvmrc", "README.md")) {
            Files.writeString(dir.resolve(file), "");
        }
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/package.json"), "{}");
        Files.createDirectories(dir.resolve("pom.xml")); // a folder, not a file

        SourceFacts facts = SourceFolderReader.read(dir);

        assertThat(facts.procfile()).containsExactly(new ProcfileEntry("web", "./server", 1));
        assertThat(facts.appJson().addons()).containsExactly("heroku-redis");
        assertThat(facts.herokuYml().buildDocker()).containsOnly(entry("web", "Dockerfile"));
        assertThat(facts.languageFiles()).containsExactly(".nvmrc", "Dockerfile", "go.mod");
    }

    @Test
    void read_onlyAProcfile_otherManifestsAreNull() throws IOException {
        Files.writeString(dir.resolve("Procfile"), "# no processes yet\n");

        assertThat(SourceFolderReader.read(dir)).isEqualTo(new SourceFacts(List.of(), null, null, List.of()));
    }

    @Test
    void read_missingFolder_badInputNamingIt() {
        Path missing = dir.resolve("nope");

        assertThat(messageOf(() -> SourceFolderReader.read(missing))).isEqualTo(missing + ": no such folder");
    }

    @Test
    void read_folderWithoutManifests_badInputSayingWhatWasLookedFor() throws IOException {
        Files.writeString(dir.resolve("Gemfile"), "source 'https://rubygems.org'\n");

        assertThat(messageOf(() -> SourceFolderReader.read(dir)))
                .isEqualTo(dir + ": found none of Procfile, app.json or heroku.yml");
    }

    @Test
    void read_brokenProcfile_badInputNamingItsPathAndLine() throws IOException {
        Files.writeString(dir.resolve("Procfile"), "web: a\nweb: b\n");

        assertThat(messageOf(() -> SourceFolderReader.read(dir)))
                .isEqualTo(dir.resolve("Procfile") + ":2: process type \"web\" is declared twice (first on line 1)");
    }

    @Test
    void read_appJsonNotUtf8_badInput() throws IOException {
        Files.write(dir.resolve("app.json"), "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(messageOf(() -> SourceFolderReader.read(dir)))
                .isEqualTo(dir.resolve("app.json") + ": is not UTF-8 text");
    }

    @Test
    void read_manifestThatIsAFolder_failedNamingTheFileAndTheReason() throws IOException {
        Files.writeString(dir.resolve("Procfile"), "web: a\n");
        Files.createDirectories(dir.resolve("app.json"));

        FerryException e = catchThrowableOfType(FerryException.class, () -> SourceFolderReader.read(dir));

        assertThat(e.kind()).isEqualTo(FerryException.Kind.FAILED);
        assertThat(e.getMessage()).isEqualTo("could not read " + dir.resolve("app.json") + ": Is a directory");
        assertThat(e.hint()).isEqualTo("check that app.json is a file your user can read (ls -l "
                + dir.resolve("app.json") + ")");
    }

    @Test
    void read_manifestLinkToNothing_failedSayingSo() throws IOException {
        Files.createSymbolicLink(dir.resolve("heroku.yml"), dir.resolve("gone.yml"));

        FerryException e = catchThrowableOfType(FerryException.class, () -> SourceFolderReader.read(dir));

        assertThat(e.kind()).isEqualTo(FerryException.Kind.FAILED);
        assertThat(e.getMessage()).isEqualTo("could not read " + dir.resolve("heroku.yml")
                + ": it is a link to a file that does not exist");
    }

    @Test
    void read_fileInsteadOfFolder_badInput() throws IOException {
        Path file = Files.writeString(dir.resolve("Procfile"), "web: a\n");

        assertThat(messageOf(() -> SourceFolderReader.read(file))).isEqualTo(file + ": is a file, not a folder");
    }

    @Test
    void appName_appJsonName_normalisedAsAHerokuAppName() {
        assertThat(SourceFolderReader.appName(dir, factsNamed("Start on Heroku: Go"))).isEqualTo("start-on-heroku-go");
        assertThat(SourceFolderReader.appName(dir, factsNamed("  Café Ünïcode!! "))).isEqualTo("cafe-unicode");
        assertThat(SourceFolderReader.appName(dir, factsNamed("2nd App"))).isEqualTo("nd-app");
        assertThat(SourceFolderReader.appName(dir, factsNamed("A very long application name for tests")))
                .isEqualTo("a-very-long-application-name");
        assertThat(SourceFolderReader.appName(dir, factsNamed("Supercalifragilisticexpialidocious app")))
                .isEqualTo("supercalifragilisticexpialidoc");
    }

    @Test
    void appName_noUsableAppJsonName_folderName() {
        Path folder = dir.resolve("My_Shop.v2");

        assertThat(SourceFolderReader.appName(folder, new SourceFacts(List.of(), null, null, List.of())))
                .isEqualTo("my-shop-v2");
        assertThat(SourceFolderReader.appName(folder, factsNamed("123"))).isEqualTo("my-shop-v2");
        assertThat(SourceFolderReader.appName(folder.resolve("."), factsNamed(null))).isEqualTo("my-shop-v2");
    }

    private static SourceFacts factsNamed(String name) {
        String json = name == null ? "{}" : "{\"name\": \"" + name + "\"}";
        return new SourceFacts(null, AppJsonReader.parse(json, "app.json"), null, List.of());
    }
}
