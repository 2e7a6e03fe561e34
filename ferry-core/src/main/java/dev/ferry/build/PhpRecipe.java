package dev.ferry.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PHP: Composer dependencies in a build stage, the app on the official PHP CLI image. Heroku's
 * {@code heroku-php-apache2} and {@code heroku-php-nginx} commands are provided as small scripts that serve the
 * given document root with PHP's built-in server (several workers, a front-controller router), so Procfile commands
 * keep working unchanged.
 */
final class PhpRecipe implements Recipe {

    private static final List<String> SERVER_SCRIPT = List.of(
            "#!/bin/sh",
            "# ferry: stands in for heroku-php-apache2 and heroku-php-nginx: serves the document root",
            "# given as the last argument with the PHP built-in server on $PORT.",
            "root=.",
            "while [ $# -gt 0 ]; do case $1 in -C|-F|-i|-l|-p) shift; [ $# -gt 0 ] && shift;; -*) shift;;"
                    + " *) root=$1; shift;; esac; done",
            "export PHP_CLI_SERVER_WORKERS=${PHP_CLI_SERVER_WORKERS:-4}",
            "exec php -S 0.0.0.0:${PORT:-5000} -t \"$root\" /usr/local/lib/ferry/router.php");
    private static final List<String> ROUTER = List.of(
            "<?php",
            "// ferry: files that exist are served as they are; everything else goes to the front controller.",
            "$path = parse_url($_SERVER[\"REQUEST_URI\"], PHP_URL_PATH);",
            "if ($path !== \"/\" && is_file($_SERVER[\"DOCUMENT_ROOT\"] . $path)) { return false; }",
            "$_SERVER[\"SCRIPT_NAME\"] = \"/index.php\";",
            "require $_SERVER[\"DOCUMENT_ROOT\"] . \"/index.php\";");

    @Override
    public Result plan(Context context) {
        SourceTree tree = context.tree();
        List<Finding> findings = context.newFindings();
        JsonNode composer = Manifests.json(tree, "composer.json");
        VersionChoice version = version(composer);
        String image = "php:" + version.version() + "-cli";
        String start = context.start(Optional.of("heroku-php-apache2"), findings);
        findings.add(Finding.note("php-builtin-server", "service " + context.service(),
                "heroku-php-apache2 / heroku-php-nginx run PHP's built-in server with "
                        + "PHP_CLI_SERVER_WORKERS workers (4); eject the Dockerfile to use Apache or nginx with FPM."));
        List<String> extensions = new ArrayList<>();
        composer.path("require").fieldNames().forEachRemaining(n -> {
            if (n.startsWith("ext-")) {
                extensions.add(n.substring(4));
            }
        });
        if (!extensions.isEmpty()) {
            findings.add(Finding.warning("php-extensions", "composer.json",
                    "the app requires extensions " + String.join(", ", extensions) + "; the official image may"
                            + " lack some: eject and add `docker-php-ext-install` for them."));
        }

        DockerfileText df = Header.of(context, version);
        df.from(image, "build");
        df.run("apt-get update -qq && apt-get install -y -qq --no-install-recommends git unzip >/dev/null"
                + " && rm -rf /var/lib/apt/lists/*");
        df.copyFrom("composer:2", "", "/usr/bin/composer", "/usr/local/bin/composer");
        df.line("WORKDIR /app");
        df.line("ENV COMPOSER_ALLOW_SUPERUSER=1");
        df.line("COPY " + String.join(" ", Manifests.existing(tree, "composer.json", "composer.lock")) + " ./");
        df.run("composer install --no-dev --no-interaction --prefer-dist --no-scripts --no-autoloader");
        df.line("COPY . .");
        df.run("composer install --no-dev --no-interaction --prefer-dist --optimize-autoloader");
        df.from(image, null);
        Conventions.runtimeSetup(df, "");
        df.run("mkdir -p /usr/local/lib/ferry",
                DockerfileText.writeFile(SERVER_SCRIPT, "/usr/local/bin/heroku-php-apache2"),
                "chmod +x /usr/local/bin/heroku-php-apache2",
                "ln -s heroku-php-apache2 /usr/local/bin/heroku-php-nginx",
                DockerfileText.writeFile(ROUTER, "/usr/local/lib/ferry/router.php"));
        Conventions.workdirAndEnv(df);
        Conventions.finish(df, start);
        df.copyFrom("build", Conventions.CHOWN, "/app", "/app");
        // Procfiles also name the scripts as vendor/bin/heroku-php-*, from Heroku's dev dependency
        df.run("mkdir -p vendor/bin",
                "ln -sf /usr/local/bin/heroku-php-apache2 vendor/bin/heroku-php-apache2",
                "ln -sf /usr/local/bin/heroku-php-apache2 vendor/bin/heroku-php-nginx");
        return new Result(version, df, findings);
    }

    /** composer.json require.php ("^8.1"), else ferry's default. */
    static VersionChoice version(JsonNode composer) {
        String constraint = composer.path("require").path("php").asText("");
        return VersionConstraint.choose(constraint, DefaultVersions.PHP, 2).filter(v -> !constraint.isBlank())
                .map(v -> VersionChoice.of(v, "composer.json require.php \"" + constraint + "\""))
                .orElseGet(() -> VersionChoice.byDefault(DefaultVersions.PHP));
    }
}
