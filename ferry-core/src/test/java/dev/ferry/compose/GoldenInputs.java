package dev.ferry.compose;

import dev.ferry.snapshot.AppSnapshot;
import dev.ferry.snapshot.ConfigVarClass;
import dev.ferry.snapshot.ConfigVarClassifier;
import dev.ferry.snapshot.ConfigVarFact;
import dev.ferry.snapshot.HerokuFacts;
import dev.ferry.snapshot.HerokuFacts.AddOnFact;
import dev.ferry.snapshot.HerokuFacts.AttachmentFact;
import dev.ferry.snapshot.HerokuFacts.DynoSize;
import dev.ferry.snapshot.HerokuFacts.FormationEntry;
import dev.ferry.snapshot.SourceFacts;
import dev.ferry.snapshot.SourceFacts.AppJson;
import dev.ferry.snapshot.SourceFacts.AppJsonEnvironment;
import dev.ferry.snapshot.SourceFacts.EnvSpec;
import dev.ferry.snapshot.SourceFacts.FormationSpec;
import dev.ferry.snapshot.SourceFacts.ProcfileEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The golden cases' inputs, built by hand as records (the tutorial's app is written by hand as JSON and only
 * checked here). {@link GoldenTest} checks that each committed input/snapshot.json is exactly these records, and
 * rewrites them with -Dferry.golden.update=true.
 */
final class GoldenInputs {

    /** Raw config of the rich app, as Heroku would return it: the secret values must never reach any output. */
    static final Map<String, String> RICH_RAW_CONFIG = rawRichConfig();

    /** The values of the rich app that are secret: none may appear in a snapshot, compose file or report. */
    static final List<String> RICH_SECRET_VALUES = List.of(
            "pk_live_51HxQb2K8aLmN3pQrStUvWxYz0123456789",
            "postgres://admin:hunter2pass@db.example.com:5432/legacy",
            "hunter2pass",
            "9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddccbbaa99887766554433221100",
            "postgres://u8k2j:pf3a9b1c7d@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d9k2",
            "pf3a9b1c7d",
            "SG.x9Yq2LmN8pQrStUvWxYz.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
            "amqps://acme:rabbitpw77@fluffy.rmq.cloudamqp.com/acme",
            "rabbitpw77");

    private GoldenInputs() {
    }

    static Map<String, AppSnapshot> all() {
        Map<String, AppSnapshot> cases = new TreeMap<>();
        cases.put("rich-app", richApp());
        cases.put("source-node-workers", sourceNodeWorkers());
        cases.put("source-docker-rails", sourceDockerRails());
        cases.put("disagreement", disagreement());
        cases.put("source-heroku-yml", sourceHerokuYml());
        return cases;
    }

    static AppSnapshot richApp() {
        List<AddOnFact> addOns = List.of(
                new AddOnFact("0b7c5d3e-1111-4a2b-8c9d-000000000001", "cloudamqp-fluffy-22222", "cloudamqp",
                        "cloudamqp:lemur", "acme-billing",
                        List.of(new AttachmentFact("CLOUDAMQP", List.of("CLOUDAMQP_APIKEY", "CLOUDAMQP_URL"))),
                        null),
                new AddOnFact("0b7c5d3e-1111-4a2b-8c9d-000000000002", "papertrail-tidy-44444", "papertrail",
                        "papertrail:choklad", "acme-shop",
                        List.of(new AttachmentFact("PAPERTRAIL", List.of("PAPERTRAIL_API_TOKEN"))), null),
                new AddOnFact("0b7c5d3e-1111-4a2b-8c9d-000000000003", "postgresql-curly-54321",
                        "heroku-postgresql", "heroku-postgresql:standard-0", "acme-shop",
                        List.of(new AttachmentFact("DATABASE", List.of("DATABASE_URL")),
                                new AttachmentFact("HEROKU_POSTGRESQL_ONYX", List.of("HEROKU_POSTGRESQL_ONYX_URL"))),
                        "16"),
                new AddOnFact("0b7c5d3e-1111-4a2b-8c9d-000000000004", "redis-shaped-11111", "heroku-redis",
                        "heroku-redis:premium-0", "acme-shop",
                        List.of(new AttachmentFact("REDIS", List.of("REDIS_TLS_URL", "REDIS_URL"))), "7.2.4"),
                new AddOnFact("0b7c5d3e-1111-4a2b-8c9d-000000000005", "scheduler-regular-33333", "scheduler",
                        "scheduler:standard", "acme-shop", List.of(), null),
                new AddOnFact("0b7c5d3e-1111-4a2b-8c9d-000000000006", "sendgrid-spherical-55555", "sendgrid",
                        "sendgrid:starter", "acme-shop",
                        List.of(new AttachmentFact("SENDGRID", List.of("SENDGRID_PASSWORD", "SENDGRID_USERNAME"))),
                        null));
        Set<String> owned = new TreeSet<>();
        addOns.forEach(a -> a.attachments().forEach(at -> owned.addAll(at.configVarNames())));
        List<ConfigVarFact> config = new ArrayList<>();
        RICH_RAW_CONFIG.forEach((name, value) -> {
            ConfigVarClass kind = ConfigVarClassifier.classify(name, value, owned);
            config.add(new ConfigVarFact(name, kind, kind == ConfigVarClass.PLAIN ? value : null));
        });
        HerokuFacts heroku = new HerokuFacts(
                new HerokuFacts.AppInfo("acme-shop", "heroku-24", "eu", List.of("heroku/nodejs", "heroku/ruby"),
                        "cedar"),
                List.of(new FormationEntry("urgent_worker", "bundle exec sidekiq -q urgent", 1, "Performance-M"),
                        new FormationEntry("web", "bundle exec puma -C config/puma.rb", 2, "Standard-2X"),
                        new FormationEntry("worker", "bundle exec sidekiq -C config/sidekiq.yml", 0,
                                "Standard-2X")),
                Map.of("release", "bin/release-tasks.sh && echo \"released $HEROKU_RELEASE_VERSION\"",
                        "urgent_worker", "bundle exec sidekiq -q urgent",
                        "web", "bundle exec puma -C config/puma.rb",
                        "worker", "bundle exec sidekiq -C config/sidekiq.yml"),
                List.of(new DynoSize("Performance-M", 2.5, 12, 8.0), new DynoSize("Standard-2X", 1.0, 2, 2.0)),
                addOns, config, List.of("shop.acme.example", "acme-shop-1a2b3c4d5e6f.herokuapp.com"));
        return AppSnapshot.of("acme-shop", heroku, null);
    }

    private static Map<String, String> rawRichConfig() {
        Map<String, String> raw = new TreeMap<>();
        raw.put("CLOUDAMQP_APIKEY", "0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6");
        raw.put("CLOUDAMQP_URL", "amqps://acme:rabbitpw77@fluffy.rmq.cloudamqp.com/acme");
        raw.put("DATABASE_URL", "postgres://u8k2j:pf3a9b1c7d@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d9k2");
        raw.put("FEATURE_BANNER", "yes");
        raw.put("HEROKU_APP_NAME", "acme-shop");
        raw.put("HEROKU_POSTGRESQL_ONYX_URL",
                "postgres://u8k2j:pf3a9b1c7d@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d9k2");
        raw.put("LEGACY_DB", "postgres://admin:hunter2pass@db.example.com:5432/legacy");
        raw.put("MAX_PRICE_TEXT", "Up to $100 \"net\" # per order");
        raw.put("PAPERTRAIL_API_TOKEN", "Zx9Yq2LmN8pQrStUvWx");
        raw.put("RAILS_ENV", "production");
        raw.put("REDIS_TLS_URL", "rediss://:p0a1b2c3d4e5@ec2-5-6-7-8.compute-1.amazonaws.com:6380");
        raw.put("REDIS_URL", "redis://:p0a1b2c3d4e5@ec2-5-6-7-8.compute-1.amazonaws.com:6379");
        raw.put("SECRET_KEY_BASE", "9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddccbbaa99887766554433221100");
        raw.put("SENDGRID_PASSWORD", "SG.x9Yq2LmN8pQrStUvWxYz.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789");
        raw.put("SENDGRID_USERNAME", "apikey");
        raw.put("STRIPE_PUBLISHABLE", "pk_live_51HxQb2K8aLmN3pQrStUvWxYz0123456789");
        raw.put("WEB_CONCURRENCY", "2");
        return raw;
    }

    /** Shaped like shared/heroku/sample-apps/node-workers-example. */
    static AppSnapshot sourceNodeWorkers() {
        SourceFacts source = new SourceFacts(
                List.of(new ProcfileEntry("web", "node server.js", 1), new ProcfileEntry("worker", "node worker.js", 2)),
                new AppJson(null, List.of(), Map.of(), List.of("heroku-redis"), Map.of(), List.of(), null, Map.of()),
                null, List.of("package.json"));
        return AppSnapshot.of("node-workers-example", null, source);
    }

    /** Shaped like shared/heroku/sample-apps/Docker-Rails-Template. */
    static AppSnapshot sourceDockerRails() {
        List<EnvSpec> env = List.of(
                new EnvSpec("DURING_RELEASE_RUN_MIGRATIONS", true, "enabled", null, null),
                new EnvSpec("DURING_RELEASE_SEED_DB", false, "enabled", null, null),
                new EnvSpec("LANG", true, "en_US.UTF-8", null, null),
                new EnvSpec("RACK_ENV", true, "production", null, null),
                new EnvSpec("RAILS_ENV", true, "production", null, null),
                new EnvSpec("RAILS_LOG_TO_STDOUT", true, "enabled", null, null),
                new EnvSpec("RAILS_MAX_THREADS", true, "18", null, null),
                new EnvSpec("RAILS_SERVE_STATIC_FILES", true, "enabled", null, null),
                new EnvSpec("SECRET_KEY_BASE", false, null, null, null),
                new EnvSpec("SIDEKIQ_PASSWORD", false, null, null, null),
                new EnvSpec("SIDEKIQ_USERNAME", false, null, null, null),
                new EnvSpec("URL", false, null, null, null));
        Map<String, AppJsonEnvironment> environments = new LinkedHashMap<>();
        environments.put("production", new AppJsonEnvironment(List.of("heroku-redis:hobby-dev",
                "heroku-postgresql:hobby-dev", "sendgrid", "papertrail", "sentry"), Map.of(), Map.of()));
        environments.put("review", new AppJsonEnvironment(List.of("heroku-redis:hobby-dev",
                "heroku-postgresql:hobby-dev", "mailtrap", "papertrail"), Map.of(), Map.of()));
        environments.put("test", new AppJsonEnvironment(List.of(), Map.of(), Map.of()));
        SourceFacts source = new SourceFacts(
                List.of(new ProcfileEntry("release", "./bin/heroku/release-tasks.sh", 3),
                        new ProcfileEntry("web", "./bin/rails server -p ${PORT:-5000}", 6)),
                new AppJson("Docker-Rails-Template", env, Map.of(), List.of(), Map.of(),
                        List.of("heroku/metrics", "https://github.com/heroku/heroku-buildpack-activestorage-preview",
                                "heroku/ruby"), null, environments),
                null, List.of("Gemfile", "Gemfile.lock", "package.json"));
        return AppSnapshot.of("Docker-Rails-Template", null, source);
    }

    /** Heroku and the folder disagree: commands, process sets, an unknown size and an unknown Postgres version. */
    static AppSnapshot disagreement() {
        HerokuFacts heroku = new HerokuFacts(
                new HerokuFacts.AppInfo("drifty-app", "heroku-22", "us", List.of("heroku/nodejs"), "cedar"),
                List.of(new FormationEntry("clock", "node clock.js", 0, "Mystery-9X"),
                        new FormationEntry("web", "npm start", 1, "Basic"),
                        new FormationEntry("worker", "node worker.js", 1, "Basic")),
                Map.of("clock", "node clock.js", "web", "npm start", "worker", "node worker.js"),
                List.of(new DynoSize("Basic", 0.5, 1, 0.0)),
                List.of(new AddOnFact("7d2f0c1a-2222-4b3c-9d8e-000000000001", "postgresql-slippery-77777",
                        "heroku-postgresql", "heroku-postgresql:essential-1", "drifty-app",
                        List.of(new AttachmentFact("DATABASE", List.of("DATABASE_URL"))), null)),
                List.of(new ConfigVarFact("DATABASE_URL", ConfigVarClass.ADDON_OWNED, null),
                        new ConfigVarFact("NODE_ENV", ConfigVarClass.PLAIN, "production"),
                        new ConfigVarFact("OLD_ADDON_URL", ConfigVarClass.ADDON_OWNED, null)),
                List.of());
        SourceFacts source = new SourceFacts(
                List.of(new ProcfileEntry("web", "node server.js", 1),
                        new ProcfileEntry("worker", "node  worker.js", 2),
                        new ProcfileEntry("release", "npm run migrate", 3),
                        new ProcfileEntry("Urgent_Jobs", "node urgent.js", 4)),
                null, null, List.of("package.json"));
        return AppSnapshot.of("drifty-app", heroku, source);
    }

    /** A container app: heroku.yml with Dockerfiles per process, a release and add-ons; app.json env. */
    static AppSnapshot sourceHerokuYml() {
        SourceFacts.HerokuYml yml = new SourceFacts.HerokuYml(
                List.of("heroku-postgresql", "memcachier"),
                Map.of("web", "Dockerfile", "worker", "worker/Dockerfile"), List.of(),
                "bundle exec rake db:migrate", null,
                Map.of("web", "bundle exec puma -p $PORT", "worker", "bundle exec sidekiq"));
        AppJson appJson = new AppJson("yml-app", List.of(
                new EnvSpec("APP_SECRET", true, null, "secret", "signs cookies"),
                new EnvSpec("MAX_THREADS", false, "5", null, null)),
                Map.of("worker", new FormationSpec(2, "standard-2x")), List.of(), Map.of(), List.of(), null,
                Map.of());
        return AppSnapshot.of("yml-app", null, new SourceFacts(null, appJson, yml, List.of("Gemfile")));
    }
}
