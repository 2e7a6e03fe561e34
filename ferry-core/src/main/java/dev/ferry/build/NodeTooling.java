package dev.ferry.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a package.json asks for: the Node version, the package manager (chosen by lockfile, as Heroku does) and the
 * build script. Shared by the Node recipe and by recipes that install Node for assets (Rails).
 */
final class NodeTooling {

    /** lts/* code names to majors, for .nvmrc files such as "lts/iron". */
    private static final Map<String, String> LTS_NAMES = Map.of("hydrogen", "18", "iron", "20", "jod", "22",
            "krypton", "24", "gallium", "16", "fermium", "14");

    enum PackageManager {
        NPM("npm"), YARN("yarn"), YARN_BERRY("yarn"), PNPM("pnpm");

        final String command;

        PackageManager(String command) {
            this.command = command;
        }
    }

    final VersionChoice version;
    final PackageManager manager;
    final boolean locked;
    /** The dependency files copied before the install, so a code-only change keeps the install layer. */
    final List<String> dependencyFiles;
    /** heroku-postbuild when present (Heroku runs it instead of build), else build, else empty. */
    final Optional<String> buildScript;
    final boolean hasStartScript;
    final boolean workspaces;
    /** package.json's packageManager ("pnpm@9.1.0"), or empty. */
    final Optional<String> packageManagerField;
    final List<Finding> findings = new ArrayList<>();

    NodeTooling(SourceTree tree) {
        JsonNode pkg = Manifests.json(tree, "package.json");
        this.version = version(tree, pkg);
        if (tree.exists("pnpm-lock.yaml")) {
            manager = PackageManager.PNPM;
        } else if (tree.exists("yarn.lock")) {
            manager = tree.exists(".yarnrc.yml") ? PackageManager.YARN_BERRY : PackageManager.YARN;
        } else {
            manager = PackageManager.NPM;
        }
        locked = !Manifests.existing(tree, "pnpm-lock.yaml", "yarn.lock", "package-lock.json", "npm-shrinkwrap.json")
                .isEmpty();
        dependencyFiles = Manifests.existing(tree, "package.json", "package-lock.json", "npm-shrinkwrap.json",
                "yarn.lock", ".yarnrc.yml", "pnpm-lock.yaml", "pnpm-workspace.yaml", ".npmrc");
        JsonNode scripts = pkg.path("scripts");
        buildScript = scripts.has("heroku-postbuild") ? Optional.of("heroku-postbuild")
                : scripts.has("build") ? Optional.of("build") : Optional.empty();
        hasStartScript = scripts.has("start");
        workspaces = pkg.has("workspaces") || tree.exists("pnpm-workspace.yaml");
        packageManagerField = Optional.of(pkg.path("packageManager").asText("")).filter(s -> !s.isBlank());
        if (!locked) {
            findings.add(Finding.warning("node-no-lockfile", "package.json",
                    "no lockfile: dependencies are resolved at build time, so two builds may differ;"
                            + " commit package-lock.json, yarn.lock or pnpm-lock.yaml."));
        }
    }

    /** engines.node, then .nvmrc, then .node-version, then ferry's default. */
    private static VersionChoice version(SourceTree tree, JsonNode pkg) {
        String engines = pkg.path("engines").path("node").asText("");
        if (!engines.isBlank()) {
            Optional<String> major = VersionConstraint.choose(engines, DefaultVersions.NODE, 1);
            if (major.isPresent()) {
                return VersionChoice.of(major.get(), "package.json engines.node \"" + engines + "\"");
            }
        }
        for (String file : List.of(".nvmrc", ".node-version")) {
            Optional<String> line = Manifests.firstLine(tree, file);
            Optional<String> major = line.flatMap(NodeTooling::majorOfVersionFile);
            if (major.isPresent()) {
                return VersionChoice.of(major.get(), file + " \"" + line.get() + "\"");
            }
        }
        return VersionChoice.byDefault(DefaultVersions.NODE);
    }

    private static Optional<String> majorOfVersionFile(String text) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (value.startsWith("lts/")) {
            return Optional.of(LTS_NAMES.getOrDefault(value.substring(4), DefaultVersions.NODE));
        }
        if (value.equals("node") || value.equals("stable") || value.equals("latest")) {
            return Optional.of(DefaultVersions.NODE);
        }
        return VersionConstraint.choose(value, DefaultVersions.NODE, 1);
    }

    String image() {
        return "node:" + version.version() + "-slim";
    }

    /** Installs dependencies; {@code production} leaves devDependencies out. */
    String install(boolean production) {
        return switch (manager) {
            case NPM -> (locked ? "npm ci" : "npm install") + (production ? " --omit=dev" : " --include=dev");
            case YARN -> "yarn install --frozen-lockfile"
                    + (production ? " --production" : " --production=false");
            case YARN_BERRY -> "yarn install --immutable";
            case PNPM -> "pnpm install --frozen-lockfile" + (production ? " --prod" : "");
        };
    }

    /**
     * For yarn and pnpm: Corepack enabled and the manager fetched at build time into a shared folder, so the app's
     * user can run it later without a download. Written in every stage that runs the manager.
     */
    void setUpManager(DockerfileText df) {
        if (manager == PackageManager.NPM) {
            return;
        }
        String version = packageManagerField.orElse(switch (manager) {
            case YARN -> "yarn@1";
            case YARN_BERRY -> "yarn@stable";
            default -> "pnpm@latest";
        });
        df.line("ENV COREPACK_HOME=/usr/local/share/corepack COREPACK_ENABLE_DOWNLOAD_PROMPT=0");
        df.run("corepack enable", "corepack prepare --activate " + version, "chmod -R a+rX /usr/local/share/corepack");
    }

    String run(String script) {
        return manager == PackageManager.NPM ? "npm run " + script : manager.command + " run " + script;
    }

    /** Drops devDependencies after the build, as Heroku prunes them; empty when the manager cannot. */
    Optional<String> prune() {
        return switch (manager) {
            case NPM -> Optional.of("npm prune --omit=dev");
            case PNPM -> Optional.of("pnpm prune --prod");
            case YARN -> Optional.of("yarn install --frozen-lockfile --production --ignore-scripts --prefer-offline");
            case YARN_BERRY -> Optional.empty();
        };
    }

    String start() {
        return manager == PackageManager.NPM ? "npm start" : manager.command + " start";
    }
}
