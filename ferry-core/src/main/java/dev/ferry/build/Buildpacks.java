package dev.ferry.build;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which language a Heroku buildpack name or URL stands for. One table, matched on the buildpack's last word. */
final class Buildpacks {

    /** Buildpack short names (after "heroku/" or "heroku-buildpack-") to the language they build. */
    private static final Map<String, Language> LANGUAGES = Map.ofEntries(
            Map.entry("ruby", Language.RUBY),
            Map.entry("nodejs", Language.NODE),
            Map.entry("node", Language.NODE),
            Map.entry("python", Language.PYTHON),
            Map.entry("java", Language.JAVA),
            Map.entry("gradle", Language.JAVA),
            Map.entry("jvm", Language.JAVA),
            Map.entry("scala", Language.SCALA),
            Map.entry("go", Language.GO),
            Map.entry("php", Language.PHP),
            Map.entry("static", Language.STATIC));

    private Buildpacks() {
    }

    /** The language of {@code buildpack}, e.g. heroku/nodejs, https://github.com/heroku/heroku-buildpack-ruby.git. */
    static Optional<Language> language(String buildpack) {
        String name = buildpack.trim().toLowerCase(Locale.ROOT).replaceAll("\\.git$|/+$|#.*$", "");
        name = name.substring(name.lastIndexOf('/') + 1).replaceFirst("^heroku-buildpack-", "");
        return Optional.ofNullable(LANGUAGES.get(name));
    }

    /** The languages of {@code buildpacks}, in order, each once. */
    static List<Language> languages(List<String> buildpacks) {
        return buildpacks.stream().map(Buildpacks::language).flatMap(Optional::stream).distinct().toList();
    }
}
