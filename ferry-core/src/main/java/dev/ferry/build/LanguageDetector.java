package dev.ferry.build;

import dev.ferry.FerryException;
import dev.ferry.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides a build context's language. Pure: reads only the {@link SourceTree} and the buildpack hints.
 *
 * <p>Explicit buildpacks win, as on Heroku: the last language buildpack is the main language and the earlier ones
 * are installed too. Without them, {@link #RULES} is read top to bottom and the first match wins. Server languages
 * come before Node because a package.json beside a Gemfile, composer.json or pom.xml is there for front-end assets.
 */
public final class LanguageDetector {

    /** One detection rule: the language, the files that reveal it (for messages) and the test. */
    record Rule(Language language, String evidence, Predicate<SourceTree> matches) {}

    static final List<Rule> RULES = List.of(
            new Rule(Language.RUBY, "Gemfile", t -> t.exists("Gemfile")),
            new Rule(Language.PHP, "composer.json", t -> t.exists("composer.json")),
            new Rule(Language.PYTHON, "requirements.txt", t -> t.exists("requirements.txt")),
            new Rule(Language.PYTHON, "pyproject.toml", t -> t.exists("pyproject.toml")),
            new Rule(Language.PYTHON, "Pipfile", t -> t.exists("Pipfile")),
            new Rule(Language.JAVA, "pom.xml", t -> t.exists("pom.xml")),
            new Rule(Language.JAVA, "build.gradle", t -> t.exists("build.gradle") || t.exists("build.gradle.kts")
                    || t.exists("settings.gradle") || t.exists("settings.gradle.kts")),
            new Rule(Language.SCALA, "build.sbt", t -> t.exists("build.sbt")),
            new Rule(Language.GO, "go.mod", t -> t.exists("go.mod")),
            new Rule(Language.NODE, "package.json", t -> t.exists("package.json")),
            new Rule(Language.STATIC, "index.html", t -> t.exists("index.html")));

    /** Which rule recognises each language's files when a buildpack names it. */
    private static Optional<Rule> firstRuleFor(Language language, SourceTree tree) {
        return RULES.stream().filter(r -> r.language() == language && r.matches().test(tree)).findFirst();
    }

    /**
     * @throws FerryException (bad input) when nothing in the folder reveals a language
     */
    public Detection detect(SourceTree tree, BuildHints hints) {
        List<Finding> findings = new ArrayList<>();
        for (String buildpack : hints.buildpacks()) {
            if (Buildpacks.language(buildpack).isEmpty()) {
                findings.add(Finding.warning("buildpack-not-reproduced", "buildpack " + buildpack,
                        "ferry's build plan does not reproduce this buildpack; add what it installs to the Dockerfile"
                                + " after `ferry build plan --eject`."));
            }
        }
        List<Language> hinted = Buildpacks.languages(hints.buildpacks());
        if (!hinted.isEmpty()) {
            Language main = hinted.get(hinted.size() - 1);
            if (firstRuleFor(main, tree).isPresent()) {
                List<Language> others = new ArrayList<>(hinted.subList(0, hinted.size() - 1).stream()
                        .filter(l -> firstRuleFor(l, tree).isPresent()).toList());
                assetsLanguage(main, tree).filter(l -> !others.contains(l)).ifPresent(others::add);
                return new Detection(main, others, "buildpack " + lastBuildpackOf(main, hints), findings);
            }
            findings.add(Finding.warning("buildpack-files-missing", "language " + main.id(),
                    "the app's buildpacks name " + main.id() + " but its files are not in the build context;"
                            + " ferry detected the language from the files instead."));
        }
        Rule rule = RULES.stream().filter(r -> r.matches().test(tree)).findFirst().orElseThrow(() ->
                FerryException.badInput(tree.location().toString(), 0,
                        "no language detected (looked for " + evidenceList() + ")",
                        "add a Dockerfile to the build context, or the file that declares the app's dependencies"));
        return new Detection(rule.language(), assetsLanguage(rule.language(), tree).stream().toList(),
                rule.evidence(), findings);
    }

    /**
     * Node beside a server language: a package.json next to a Gemfile (or composer.json, ...) is there to build
     * assets, and Heroku's Ruby buildpack installs Node for it on its own.
     */
    private static Optional<Language> assetsLanguage(Language main, SourceTree tree) {
        return main != Language.NODE && main != Language.STATIC && tree.exists("package.json")
                ? Optional.of(Language.NODE) : Optional.empty();
    }

    private static String lastBuildpackOf(Language language, BuildHints hints) {
        List<String> named = hints.buildpacks().stream()
                .filter(b -> Buildpacks.language(b).orElse(null) == language).toList();
        return named.get(named.size() - 1);
    }

    private static String evidenceList() {
        return String.join(", ", RULES.stream().map(Rule::evidence).distinct().toList());
    }
}
