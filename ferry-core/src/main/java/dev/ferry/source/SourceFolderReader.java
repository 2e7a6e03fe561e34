package dev.ferry.source;

import dev.ferry.FerryException;
import dev.ferry.snapshot.SourceFacts;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Turns an app's source folder into {@link SourceFacts}: its Procfile, app.json and heroku.yml (each null when
 * absent) and the language files present. It reports facts only; what becomes a service is the mapping's decision.
 */
public final class SourceFolderReader {

    public static final String PROCFILE = "Procfile";
    public static final String APP_JSON = "app.json";
    public static final String HEROKU_YML = "heroku.yml";

    /** Root files whose presence reveals the language and build tool, as Heroku's buildpacks detect them. */
    public static final List<String> LANGUAGE_FILES = List.of(
            "Gemfile", "Gemfile.lock", ".ruby-version",
            "package.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", ".nvmrc", ".node-version",
            "requirements.txt", "Pipfile", "pyproject.toml", "uv.lock", "poetry.lock", "runtime.txt",
            ".python-version", "manage.py",
            "pom.xml", "mvnw", "build.gradle", "build.gradle.kts", "gradlew", "build.sbt", "system.properties",
            "go.mod", "composer.json", "index.html", "project.toml", "Dockerfile");

    /** Heroku app names: lower-case letters, digits and dashes, starting with a letter, at most 30 characters. */
    static final int APP_NAME_MAX_LENGTH = 30;

    private SourceFolderReader() {
    }

    public static SourceFacts read(Path dir) {
        if (!Files.isDirectory(dir)) {
            String problem = Files.exists(dir) ? "is a file, not a folder" : "no such folder";
            throw FerryException.badInput(dir.toString(), 0, problem, "pass the folder that holds the app's Procfile, app.json or heroku.yml");
        }
        String procfile = readIfPresent(dir.resolve(PROCFILE));
        String appJson = readIfPresent(dir.resolve(APP_JSON));
        String herokuYml = readIfPresent(dir.resolve(HEROKU_YML));
        if (procfile == null && appJson == null && herokuYml == null) {
            throw FerryException.badInput(dir.toString(), 0, "found none of Procfile, app.json or heroku.yml",
                    "pass the root of the app's Git repository (the folder you push to Heroku from)");
        }
        List<String> languageFiles = LANGUAGE_FILES.stream()
                .filter(name -> Files.isRegularFile(dir.resolve(name))).sorted().toList();
        return new SourceFacts(
                procfile == null ? null : ProcfileParser.parse(procfile, dir.resolve(PROCFILE).toString()),
                appJson == null ? null : AppJsonReader.parse(appJson, dir.resolve(APP_JSON).toString()),
                herokuYml == null ? null : HerokuYmlReader.parse(herokuYml, dir.resolve(HEROKU_YML).toString()),
                languageFiles);
    }

    /**
     * The app's name: app.json's name as Heroku would accept it as an app name ("Start on Heroku: Go" becomes
     * start-on-heroku-go), else the folder's name treated the same way.
     */
    public static String appName(Path dir, SourceFacts facts) {
        String declared = facts.appJson() == null ? null : facts.appJson().name();
        String fromAppJson = declared == null ? "" : herokuAppName(declared);
        if (!fromAppJson.isEmpty()) {
            return fromAppJson;
        }
        Path folder = dir.toAbsolutePath().normalize().getFileName();
        String fromFolder = folder == null ? "" : herokuAppName(folder.toString());
        return fromFolder.isEmpty() ? "app" : fromFolder;
    }

    static String herokuAppName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String dashed = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^[^a-z]+", "");
        if (dashed.length() > APP_NAME_MAX_LENGTH) {
            int lastWordEnd = dashed.lastIndexOf('-', APP_NAME_MAX_LENGTH); // cut between words where one can
            dashed = dashed.substring(0, lastWordEnd > 0 ? lastWordEnd : APP_NAME_MAX_LENGTH);
        }
        return dashed.replaceAll("-+$", "");
    }

    /** The file's text without a byte-order mark, or null when there is no such file. */
    private static String readIfPresent(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            String text = Files.readString(file);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw FerryException.badInput(file.toString(), 0, "is not UTF-8 text", "save the file as UTF-8");
        } catch (IOException e) {
            throw FerryException.failed("could not read " + file + ": " + reason(e),
                    "check that " + file.getFileName() + " is a file your user can read (ls -l " + file + ")", e);
        }
    }

    /** "Permission denied", "Is a directory", ...: the operating system's words, without the path again. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "it is a link to a file that does not exist";
        }
        return e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
    }
}
