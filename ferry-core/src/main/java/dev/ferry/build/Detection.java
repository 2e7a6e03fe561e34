package dev.ferry.build;

import dev.ferry.Finding;
import java.util.List;
import java.util.Objects;

/**
 * What the detector decided for one build context.
 *
 * @param language the language whose buildpack would have decided the app's default process types
 * @param alsoInstalled further languages installed at build time (e.g. Node for a Rails app's assets)
 * @param evidence what decided, e.g. "Gemfile" or "buildpack heroku/ruby"
 * @param findings what the user should know about the decision
 */
public record Detection(Language language, List<Language> alsoInstalled, String evidence, List<Finding> findings) {

    public Detection {
        Objects.requireNonNull(language, "language");
        alsoInstalled = List.copyOf(alsoInstalled);
        Objects.requireNonNull(evidence, "evidence");
        findings = List.copyOf(findings);
    }
}
