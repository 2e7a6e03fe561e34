package dev.ferry.build;

import dev.ferry.Finding;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Scala with sbt: `sbt compile stage` as Heroku runs it; the staged app runs on a JRE-only image. */
final class ScalaRecipe implements Recipe {

    private static final Pattern NAME = Pattern.compile("(?m)^\\s*name\\s*:=\\s*\"+([^\"]+)\"+");

    @Override
    public Result plan(Context context) {
        SourceTree tree = context.tree();
        List<Finding> findings = context.newFindings();
        VersionChoice version = JavaRecipe.version(tree);
        Matcher name = NAME.matcher(tree.read("build.sbt").orElse(""));
        Optional<String> defaultStart = name.find()
                ? Optional.of("target/universal/stage/bin/" + name.group(1) + " -Dhttp.port=${PORT}")
                : Optional.empty();
        String start = context.start(defaultStart, findings);
        String sbt = Manifests.property(tree, "project/build.properties", "sbt.version").orElse(DefaultVersions.SBT);

        DockerfileText df = Header.of(context, version);
        df.from("eclipse-temurin:" + version.version() + "-jdk", "build");
        df.run("(command -v curl >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq curl >/dev/null))",
                "curl -fsSL https://github.com/sbt/sbt/releases/download/v" + sbt + "/sbt-" + sbt + ".tgz"
                        + " | tar -xz -C /opt",
                "ln -s /opt/sbt/bin/sbt /usr/local/bin/sbt");
        df.line("WORKDIR /app");
        df.line("COPY build.sbt ./");
        if (tree.files().stream().anyMatch(f -> f.startsWith("project/"))) {
            df.line("COPY project project");
        }
        df.run("sbt -batch update");
        df.line("COPY . .");
        df.run("sbt -batch compile stage");
        df.from(JavaRecipe.runtimeImage(version.version()), null);
        Conventions.runtimeSetup(df, "");
        Conventions.workdirAndEnv(df);
        Conventions.finish(df, start);
        df.copyFrom("build", Conventions.CHOWN, "/app/target/universal/stage", "/app/target/universal/stage");
        return new Result(version, df, findings);
    }
}
