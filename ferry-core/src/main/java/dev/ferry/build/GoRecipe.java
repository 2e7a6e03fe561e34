package dev.ferry.build;

import dev.ferry.Finding;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go: modules downloaded in their own layer, the main packages built into /app/bin (on PATH, as Heroku's bin/),
 * and the binaries plus the source's files (templates, static assets) in a slim Debian runtime.
 */
final class GoRecipe implements Recipe {

    private static final Pattern HEROKU_VERSION = Pattern.compile("(?m)^//\\s*\\+heroku goVersion go(\\d+\\.\\d+)");
    private static final Pattern GO_DIRECTIVE = Pattern.compile("(?m)^go (\\d+\\.\\d+)");
    private static final Pattern HEROKU_INSTALL = Pattern.compile("(?m)^//\\s*\\+heroku install (.+)$");
    private static final Pattern MODULE = Pattern.compile("(?m)^module\\s+(\\S+)");
    private static final Pattern PACKAGE_MAIN = Pattern.compile("(?m)^package main\\s*$");

    @Override
    public Result plan(Context context) {
        SourceTree tree = context.tree();
        List<Finding> findings = context.newFindings();
        String goMod = tree.read("go.mod").orElse("");
        VersionChoice version = version(goMod);
        TreeSet<String> mains = mainPackages(tree);
        Matcher install = HEROKU_INSTALL.matcher(goMod);
        String packages = install.find() ? install.group(1).trim() : mains.contains(".") ? "." : "./...";
        Matcher module = MODULE.matcher(goMod);
        String binary = module.find() ? module.group(1).substring(module.group(1).lastIndexOf('/') + 1) : "app";
        Optional<String> defaultStart = mains.contains(".") ? Optional.of("bin/" + binary) : Optional.empty();
        if (mains.isEmpty()) {
            findings.add(Finding.warning("go-no-main-package", "go.mod",
                    "no `package main` found; ferry builds ./... and the image may have no program to run."));
        }
        String start = context.start(defaultStart, findings);

        DockerfileText df = Header.of(context, version);
        df.from("golang:" + version.version(), "build");
        df.line("WORKDIR /src");
        if (tree.exists("vendor/modules.txt")) {
            df.line("COPY . .");
        } else {
            df.line("COPY " + String.join(" ", Manifests.existing(tree, "go.mod", "go.sum")) + " ./");
            df.run("go mod download");
            df.line("COPY . .");
        }
        df.run("mkdir -p /app/bin", "CGO_ENABLED=0 go build -trimpath -o /app/bin/ " + packages);
        df.from("debian:bookworm-slim", null);
        Conventions.runtimeSetup(df, "");
        Conventions.workdirAndEnv(df, "PATH=/app/bin:$PATH");
        Conventions.finish(df, start);
        df.copyFrom("build", "", "/app/bin", "/app/bin");
        df.line("COPY " + Conventions.CHOWN + " . .");
        return new Result(version, df, findings);
    }

    /** The `// +heroku goVersion` comment, then the go directive, then ferry's default. */
    static VersionChoice version(String goMod) {
        Matcher heroku = HEROKU_VERSION.matcher(goMod);
        if (heroku.find()) {
            return VersionChoice.of(heroku.group(1), "go.mod // +heroku goVersion");
        }
        Matcher directive = GO_DIRECTIVE.matcher(goMod);
        if (directive.find()) {
            return VersionChoice.of(directive.group(1), "go.mod go directive");
        }
        return VersionChoice.byDefault(DefaultVersions.GO);
    }

    /** Folders ("." for the root) holding a non-test .go file that declares package main. */
    private static TreeSet<String> mainPackages(SourceTree tree) {
        TreeSet<String> mains = new TreeSet<>();
        for (String file : tree.files()) {
            if (file.endsWith(".go") && !file.endsWith("_test.go")
                    && PACKAGE_MAIN.matcher(tree.read(file).orElse("")).find()) {
                int slash = file.lastIndexOf('/');
                mains.add(slash < 0 ? "." : "./" + file.substring(0, slash));
            }
        }
        return mains;
    }
}
