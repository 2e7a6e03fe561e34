package dev.ferry.compose;

import dev.ferry.compose.ComposeService.Healthcheck;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each Heroku add-on service becomes. One row per add-on service; an add-on that is not listed is treated
 * as a SaaS whose credentials keep working outside Heroku, with a warning. See docs/mapping.md.
 */
public final class AddOnCatalog {

    /** How an add-on is migrated. */
    public enum Kind {
        /** heroku-postgresql → a postgres service (Defang: managed Postgres). */
        POSTGRES,
        /** heroku-redis and Redis SaaS → a redis service (Defang: managed Redis). */
        REDIS,
        /** An open-source server with a good container image. */
        CONTAINER,
        /** A hosted service reached over the internet: its config vars stay, as secrets. */
        SAAS,
        /** A log drain: logs now go to the target's log service. */
        LOGGING,
        /** Heroku Scheduler and friends: jobs are not in the API. */
        SCHEDULER
    }

    /**
     * An open container that replaces an add-on.
     *
     * @param service the Compose service name
     * @param image the image
     * @param port the port the apps connect to
     * @param environment the container's own environment (null value = bare, supplied by the target)
     * @param healthcheck a healthcheck, or null when the image has no tool for one
     * @param urlTemplate what the add-on's URL vars become
     * @param passwordVar the container's password variable that {@code urlTemplate} interpolates, or null
     */
    public record Container(String service, String image, int port, Map<String, String> environment,
                            Healthcheck healthcheck, String urlTemplate, String passwordVar) {}

    /**
     * One row of the catalog.
     *
     * @param service the Heroku add-on service, e.g. heroku-postgresql
     * @param kind how it is migrated
     * @param container the replacement for {@link Kind#CONTAINER}, else null
     * @param urlVars config vars (by suffix of the attachment's vars) that the replacement serves; the rest of the
     *     add-on's vars are dropped (for containers) or kept as secrets (SaaS)
     * @param knownConfigVars the vars the add-on sets, used when only app.json names the add-on
     */
    public record Entry(String service, Kind kind, Container container, List<String> urlVars,
                        List<String> knownConfigVars) {}

    private static final Healthcheck NO_HEALTHCHECK = null;

    static final List<Entry> ENTRIES = List.of(
            new Entry("heroku-postgresql", Kind.POSTGRES, null, List.of("_URL"), List.of("DATABASE_URL")),
            new Entry("heroku-redis", Kind.REDIS, null, List.of("_URL"), List.of("REDIS_URL")),
            new Entry("rediscloud", Kind.REDIS, null, List.of("_URL"), List.of("REDISCLOUD_URL")),
            new Entry("redistogo", Kind.REDIS, null, List.of("_URL"), List.of("REDISTOGO_URL")),
            new Entry("memcachier", Kind.CONTAINER,
                    new Container("memcached", "memcached:1.6", 11211, Map.of(), NO_HEALTHCHECK,
                            "memcached:11211", null),
                    List.of("_SERVERS"), List.of("MEMCACHIER_PASSWORD", "MEMCACHIER_SERVERS", "MEMCACHIER_USERNAME")),
            new Entry("cloudamqp", Kind.CONTAINER,
                    new Container("rabbitmq", "rabbitmq:4", 5672,
                            mapOf("RABBITMQ_DEFAULT_USER", "app", "RABBITMQ_DEFAULT_PASS", null),
                            new Healthcheck(List.of("CMD", "rabbitmq-diagnostics", "-q", "ping"),
                                    "10s", "10s", 10, "30s"),
                            "amqp://app:${RABBITMQ_DEFAULT_PASS}@rabbitmq:5672", "RABBITMQ_DEFAULT_PASS"),
                    List.of("_URL"), List.of("CLOUDAMQP_APIKEY", "CLOUDAMQP_URL")),
            opensearch("bonsai", List.of("BONSAI_URL")),
            opensearch("searchbox", List.of("SEARCHBOX_SSL_URL", "SEARCHBOX_URL")),
            saas("sendgrid", "SENDGRID_PASSWORD", "SENDGRID_USERNAME"),
            saas("mailgun", "MAILGUN_API_KEY", "MAILGUN_DOMAIN", "MAILGUN_PUBLIC_KEY", "MAILGUN_SMTP_LOGIN",
                    "MAILGUN_SMTP_PASSWORD", "MAILGUN_SMTP_PORT", "MAILGUN_SMTP_SERVER"),
            saas("mailtrap", "MAILTRAP_API_TOKEN"),
            saas("sentry", "SENTRY_DSN"),
            saas("newrelic", "NEW_RELIC_LICENSE_KEY", "NEW_RELIC_LOG"),
            saas("rollbar", "ROLLBAR_ACCESS_TOKEN", "ROLLBAR_ENDPOINT"),
            saas("bugsnag", "BUGSNAG_API_KEY"),
            saas("honeybadger", "HONEYBADGER_API_KEY"),
            saas("cloudinary", "CLOUDINARY_URL"),
            saas("pusher", "PUSHER_URL"),
            logging("papertrail", "PAPERTRAIL_API_TOKEN"),
            logging("logdna"),
            logging("mezmo"),
            logging("loggly"),
            logging("sumologic"),
            logging("logentries"),
            logging("coralogix"),
            logging("solarwinds"),
            new Entry("scheduler", Kind.SCHEDULER, null, List.of(), List.of()),
            new Entry("heroku-scheduler", Kind.SCHEDULER, null, List.of(), List.of()),
            new Entry("advanced-scheduler", Kind.SCHEDULER, null, List.of(), List.of("ADVANCED_SCHEDULER_API_KEY")),
            new Entry("crontogo", Kind.SCHEDULER, null, List.of(), List.of()));

    private AddOnCatalog() {
    }

    /** The row for an add-on service (plan suffixes like {@code :essential-0} ignored); unknown → SaaS. */
    public static Entry lookup(String serviceOrPlan) {
        String service = serviceOrPlan.split(":", 2)[0].trim().toLowerCase(Locale.ROOT);
        return ENTRIES.stream().filter(e -> e.service().equals(service)).findFirst()
                .orElseGet(() -> new Entry(service, Kind.SAAS, null, List.of(), List.of()));
    }

    /** Whether the catalog has a row for this add-on service. */
    public static boolean knows(String serviceOrPlan) {
        String service = serviceOrPlan.split(":", 2)[0].trim().toLowerCase(Locale.ROOT);
        return ENTRIES.stream().anyMatch(e -> e.service().equals(service));
    }

    private static Entry opensearch(String service, List<String> vars) {
        return new Entry(service, Kind.CONTAINER,
                new Container("opensearch", "opensearchproject/opensearch:2", 9200,
                        mapOf("discovery.type", "single-node", "DISABLE_SECURITY_PLUGIN", "true",
                                "DISABLE_INSTALL_DEMO_CONFIG", "true", "OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m"),
                        new Healthcheck(List.of("CMD-SHELL", "curl -s -o /dev/null http://127.0.0.1:9200/ || exit 1"),
                                "10s", "5s", 12, "60s"),
                        "http://opensearch:9200", null),
                List.of("_URL"), vars);
    }

    private static Entry saas(String service, String... vars) {
        return new Entry(service, Kind.SAAS, null, List.of(), List.of(vars));
    }

    private static Entry logging(String service, String... vars) {
        return new Entry(service, Kind.LOGGING, null, List.of(), List.of(vars));
    }

    /** An ordered map that allows null values (bare entries). */
    private static Map<String, String> mapOf(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
