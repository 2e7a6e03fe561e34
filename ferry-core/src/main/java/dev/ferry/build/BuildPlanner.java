package dev.ferry.build;

import dev.ferry.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a build context into a {@link ServiceBuildPlan}: detect the language, then let that language's recipe write
 * the Dockerfile. Pure: no processes, no network, only reads through the {@link SourceTree}.
 */
public final class BuildPlanner {

    private static final Map<Language, Recipe> RECIPES = Map.of(
            Language.RUBY, new RubyRecipe(),
            Language.NODE, new NodeRecipe(),
            Language.PYTHON, new PythonRecipe(),
            Language.JAVA, new JavaRecipe(),
            Language.SCALA, new ScalaRecipe(),
            Language.GO, new GoRecipe(),
            Language.PHP, new PhpRecipe(),
            Language.STATIC, new StaticRecipe());

    private final LanguageDetector detector = new LanguageDetector();

    /** Plans {@code service} from its build context, with hints read from the context (Procfile, app.json). */
    public ServiceBuildPlan plan(String service, SourceTree tree) {
        return plan(service, tree, BuildHints.read(tree));
    }

    public ServiceBuildPlan plan(String service, SourceTree tree, BuildHints hints) {
        Detection detected = detector.detect(tree, hints);
        // only Ruby's recipe installs a second language (Node, for assets); the others are reported below
        List<Language> installed = detected.language() == Language.RUBY ? detected.alsoInstalled() : List.of();
        Detection detection = new Detection(detected.language(), installed, detected.evidence(), detected.findings());
        Optional<String> procfileStart = hints.mainProcess().map(ProcessType::command);
        Recipe.Result result = RECIPES.get(detection.language())
                .plan(new Recipe.Context(service, tree, detection, procfileStart));
        List<Finding> findings = new ArrayList<>(detection.findings());
        findings.addAll(result.findings());
        for (Language other : detected.alsoInstalled()) {
            if (!installed.contains(other)) {
                findings.add(Finding.warning("second-language-not-installed", "service " + service,
                        other.id() + " is also used but ferry installs a second language only beside Ruby;"
                                + " eject the Dockerfile and add its build step."));
            }
        }
        String dockerfile = result.dockerfile().text();
        return new ServiceBuildPlan(service, detection.language(), detection.alsoInstalled(), detection.evidence(),
                result.version(), result.dockerfile().baseImages(), hints.processes(), startCommand(dockerfile),
                dockerfile, findings);
    }

    /** The Dockerfile's CMD: one place decides it, the text. */
    private static String startCommand(String dockerfile) {
        return dockerfile.lines().filter(l -> l.startsWith("CMD ")).reduce((a, b) -> b).orElseThrow()
                .substring("CMD ".length());
    }
}
