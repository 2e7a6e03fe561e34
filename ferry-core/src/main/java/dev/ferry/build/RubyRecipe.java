package dev.ferry.build;

import dev.ferry.Finding;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ruby: gems installed with compilers in a build stage (and Node when package.json is there, for assets), Rails
 * assets precompiled, then gems and app copied into a slim runtime stage.
 */
final class RubyRecipe implements Recipe {

    private static final Pattern LOCK_VERSION = Pattern.compile("(?m)^RUBY VERSION\\s*\\n\\s*ruby (\\d+)\\.(\\d+)");
    private static final Pattern FILE_VERSION = Pattern.compile("(?:ruby-)?(\\d+)\\.(\\d+).*");
    /** Gems that give a Rails app an assets:precompile task. */
    private static final List<String> ASSET_GEMS = List.of("sprockets-rails", "propshaft", "webpacker",
            "shakapacker", "jsbundling-rails", "cssbundling-rails");

    @Override
    public Result plan(Context context) {
        SourceTree tree = context.tree();
        List<Finding> findings = context.newFindings();
        VersionChoice version = version(tree);
        String image = "ruby:" + version.version() + "-slim";
        String lock = tree.read("Gemfile.lock").orElse("");
        boolean rails = lock.contains("\n    railties (");
        boolean postgres = lock.contains("\n    pg (");
        Optional<String> defaultStart = rails ? Optional.of("bin/rails server -p ${PORT:-5000} -e $RAILS_ENV")
                : tree.exists("config.ru") ? Optional.of("bundle exec rackup config.ru -o 0.0.0.0 -p ${PORT:-5000}")
                : Optional.empty();
        String start = context.start(defaultStart, findings);

        DockerfileText df = Header.of(context, version);
        df.from(image, "build");
        df.run("apt-get update -qq && apt-get install -y -qq --no-install-recommends build-essential git pkg-config"
                + " libyaml-dev" + (postgres ? " libpq-dev" : "") + " >/dev/null && rm -rf /var/lib/apt/lists/*");
        NodeTooling node = context.detection().alsoInstalled().contains(Language.NODE) ? new NodeTooling(tree) : null;
        if (node != null) {
            installNode(df, node);
        }
        df.line("WORKDIR /app");
        df.line("ENV " + bundleVariables(!lock.isEmpty()));
        if (lock.isEmpty()) {
            findings.add(Finding.warning("ruby-no-lockfile", "Gemfile",
                    "no Gemfile.lock: gems are resolved at build time; run `bundle lock` and commit Gemfile.lock."));
        }
        df.line("COPY " + String.join(" ", Manifests.existing(tree, "Gemfile", "Gemfile.lock", ".ruby-version"))
                + " ./");
        df.run("bundle install --jobs 4", "rm -rf /usr/local/bundle/cache");
        if (node != null) {
            findings.addAll(node.findings);
            node.setUpManager(df);
            NodeRecipe.installDependencies(df, node, false, findings);
        }
        df.line("COPY . .");
        if (rails && ASSET_GEMS.stream().anyMatch(g -> lock.contains("\n    " + g + " ("))) {
            // a dummy key lets Rails boot for the precompile without the app's real secret (Rails 7.1+)
            df.run("SECRET_KEY_BASE_DUMMY=1 bundle exec rails assets:precompile");
            findings.add(Finding.note("rails-assets-precompile", "service " + context.service(),
                    "assets are precompiled at build time with SECRET_KEY_BASE_DUMMY=1 and no config vars;"
                            + " Rails before 7.1 needs a placeholder SECRET_KEY_BASE in the ejected Dockerfile."));
        }
        df.from(image, null);
        Conventions.runtimeSetup(df, postgres ? "libpq5" : "");
        Conventions.workdirAndEnv(df, bundleVariables(!lock.isEmpty()), "RAILS_ENV=production RACK_ENV=production"
                + " RAILS_LOG_TO_STDOUT=enabled RAILS_SERVE_STATIC_FILES=enabled");
        df.copyFrom("build", "", "/usr/local/bundle", "/usr/local/bundle");
        Conventions.finish(df, start);
        df.copyFrom("build", Conventions.CHOWN, "/app", "/app");
        return new Result(version, df, findings);
    }

    private static String bundleVariables(boolean deployment) {
        return "BUNDLE_PATH=/usr/local/bundle BUNDLE_WITHOUT=development:test"
                + (deployment ? " BUNDLE_DEPLOYMENT=1" : "");
    }

    /** Node from the official image at the app's version, for asset builds only (not in the runtime stage). */
    private static void installNode(DockerfileText df, NodeTooling node) {
        df.copyFrom(node.image(), "", "/usr/local/bin/node", "/usr/local/bin/node");
        df.copyFrom(node.image(), "", "/usr/local/lib/node_modules", "/usr/local/lib/node_modules");
        df.run("ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm",
                "ln -s ../lib/node_modules/corepack/dist/corepack.js /usr/local/bin/corepack");
    }

    /** Gemfile.lock's RUBY VERSION, then .ruby-version, then ferry's default. */
    static VersionChoice version(SourceTree tree) {
        Matcher lock = LOCK_VERSION.matcher(tree.read("Gemfile.lock").orElse(""));
        if (lock.find()) {
            return VersionChoice.of(lock.group(1) + "." + lock.group(2), "Gemfile.lock RUBY VERSION");
        }
        Optional<String> pinned = Manifests.firstLine(tree, ".ruby-version");
        Optional<Matcher> file = pinned.map(FILE_VERSION::matcher).filter(Matcher::matches);
        if (file.isPresent()) {
            return VersionChoice.of(file.get().group(1) + "." + file.get().group(2),
                    ".ruby-version \"" + pinned.get() + "\"");
        }
        return VersionChoice.byDefault(DefaultVersions.RUBY);
    }
}
