package dev.ferry.build;

import dev.ferry.Finding;
import java.util.List;
import java.util.Objects;

/**
 * How ferry builds one service's image without a Dockerfile of the user's: the decision and the Dockerfile it
 * leads to. A value: the same build context and hints always give an equal plan, Dockerfile text included.
 *
 * @param service the compose service
 * @param language the detected main language
 * @param alsoInstalled further languages installed at build time (e.g. Node for Rails assets)
 * @param detectedFrom what decided the language, e.g. "Gemfile" or "buildpack heroku/ruby"
 * @param version the language version and where it came from
 * @param baseImages the images the Dockerfile starts from or copies from, in order of appearance
 * @param processes the process types the image serves (Procfile order); empty without a Procfile
 * @param startCommand the image's default command (the web process, else the first, else the language default)
 * @param dockerfile the Dockerfile text
 * @param findings what the user should know, detection's first
 */
public record ServiceBuildPlan(String service, Language language, List<Language> alsoInstalled, String detectedFrom,
                               VersionChoice version, List<String> baseImages, List<ProcessType> processes,
                               String startCommand, String dockerfile, List<Finding> findings) {

    public ServiceBuildPlan {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(language, "language");
        alsoInstalled = List.copyOf(alsoInstalled);
        Objects.requireNonNull(detectedFrom, "detectedFrom");
        Objects.requireNonNull(version, "version");
        baseImages = List.copyOf(baseImages);
        processes = List.copyOf(processes);
        Objects.requireNonNull(startCommand, "startCommand");
        Objects.requireNonNull(dockerfile, "dockerfile");
        findings = List.copyOf(findings);
    }
}
