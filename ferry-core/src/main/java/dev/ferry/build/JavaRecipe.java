package dev.ferry.build;

import dev.ferry.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java with Maven (the wrapper when present) or Gradle: dependencies resolved in a layer before the source, the
 * app built without tests, and the result run on a JRE-only image.
 */
final class JavaRecipe implements Recipe {

    private static final Pattern RUNTIME_VERSION = Pattern.compile("^(?:[a-z]+-)?(?:1\\.)?(\\d+).*");

    @Override
    public Result plan(Context context) {
        SourceTree tree = context.tree();
        List<Finding> findings = context.newFindings();
        VersionChoice version = version(tree);
        boolean maven = tree.exists("pom.xml");
        Optional<String> defaultStart = maven
                ? Optional.of("java -Dserver.port=$PORT $JAVA_OPTS -jar target/*.jar")
                : Optional.of("java -Dserver.port=$PORT $JAVA_OPTS -jar $(ls build/libs/*.jar | grep -v plain | head -n 1)");
        String start = context.start(defaultStart, findings);
        DockerfileText df = Header.of(context, version);
        if (maven) {
            maven(df, tree, version.version(), findings);
        } else {
            gradle(df, tree, version.version());
        }
        df.from(runtimeImage(version.version()), null);
        Conventions.runtimeSetup(df, "");
        Conventions.workdirAndEnv(df);
        Conventions.finish(df, start);
        df.copyFrom("build", Conventions.CHOWN, "/app", "/app");
        return new Result(version, df, findings);
    }

    private static void maven(DockerfileText df, SourceTree tree, String java, List<Finding> findings) {
        boolean wrapper = tree.exists("mvnw");
        String mvn = wrapper ? "sh mvnw -B -ntp" : "mvn -B -ntp";
        df.from("maven:3-eclipse-temurin-" + java, "build");
        df.line("WORKDIR /app");
        // the build JVM runs briefly: skipping the optimising compiler starts Maven faster
        df.line("ENV MAVEN_OPTS=\"-XX:TieredStopAtLevel=1\"");
        if (tree.read("pom.xml").orElse("").contains("<modules>")) {
            findings.add(Finding.note("maven-multi-module", "pom.xml",
                    "multi-module build: the whole source is copied before resolving dependencies."));
            df.line("COPY . .");
        } else {
            List<String> files = new ArrayList<>(Manifests.existing(tree, "pom.xml", "mvnw"));
            df.line("COPY " + String.join(" ", files) + " ./");
            if (wrapper) {
                df.line("COPY .mvn .mvn");
            }
        }
        // go-offline misses the build plugins' own dependencies; a package run with no sources yet fetches them,
        // so a code change does not download them again (it may fail without sources; the real build follows)
        df.run(mvn + " dependency:go-offline",
                "(" + mvn + " -q -DskipTests package >/dev/null 2>&1 || true)");
        df.line("COPY . .");
        df.run(mvn + " -DskipTests package");
    }

    private static void gradle(DockerfileText df, SourceTree tree, String java) {
        boolean wrapper = tree.exists("gradlew");
        String gradle = wrapper ? "sh gradlew --no-daemon" : "gradle --no-daemon";
        df.from(wrapper ? "eclipse-temurin:" + java + "-jdk" : "gradle:jdk" + java, "build");
        df.line("WORKDIR /app");
        df.line("COPY " + String.join(" ", Manifests.existing(tree, "gradlew", "settings.gradle",
                "settings.gradle.kts", "build.gradle", "build.gradle.kts", "gradle.properties")) + " ./");
        if (wrapper) {
            df.line("COPY gradle gradle");
        }
        df.run(gradle + " dependencies > /dev/null");
        df.line("COPY . .");
        df.run(gradle + " build -x check");
    }

    static String runtimeImage(String java) {
        return "eclipse-temurin:" + java + "-jre";
    }

    /** system.properties java.runtime.version ("17", "1.8", "21.0.2", "zulu-21"), else ferry's default. */
    static VersionChoice version(SourceTree tree) {
        Optional<String> declared = Manifests.property(tree, "system.properties", "java.runtime.version");
        Optional<Matcher> m = declared.map(RUNTIME_VERSION::matcher).filter(Matcher::matches);
        return m.map(matcher -> VersionChoice.of(matcher.group(1),
                        "system.properties java.runtime.version \"" + declared.get() + "\""))
                .orElseGet(() -> VersionChoice.byDefault(DefaultVersions.JAVA));
    }
}
