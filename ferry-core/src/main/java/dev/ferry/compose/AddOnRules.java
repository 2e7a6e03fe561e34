package dev.ferry.compose;

import dev.ferry.Finding;
import dev.ferry.compose.AddOnCatalog.Container;
import dev.ferry.compose.AddOnCatalog.Entry;
import dev.ferry.compose.ComposeService.Condition;
import dev.ferry.compose.ComposeService.Dependency;
import dev.ferry.compose.ComposeService.EnvEntry;
import dev.ferry.compose.ComposeService.Healthcheck;
import dev.ferry.compose.MigrationReport.AddOnLine;
import dev.ferry.compose.MigrationReport.Outcome;
import dev.ferry.snapshot.AppSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Add-ons → backing services and the fate of the config vars they set. Rows come from {@link AddOnCatalog}; the
 * first add-on of a kind (the one attached as DATABASE for Postgres) becomes the service, a second one of the same
 * kind needs the user (ferry will not merge two databases into one).
 */
public final class AddOnRules {

    /** Postgres major used when the data API did not say (or only app.json names the add-on). */
    public static final String DEFAULT_POSTGRES_MAJOR = "17";
    /** Redis major used when the version is unknown. */
    public static final String DEFAULT_REDIS_MAJOR = "7";
    static final String POSTGRES_USER = "postgres";
    static final String POSTGRES_PASSWORD = "POSTGRES_PASSWORD";

    /** What becomes of one config var set by an add-on; {@code value} null = bare entry, unless dropped. */
    public record VarFate(Outcome outcome, String value, String detail) {}

    /**
     * @param services the backing services, in write order
     * @param volumes named volumes they use
     * @param varFates add-on config var → its fate
     * @param appDependencies what every app service waits for
     * @param appExtraEnv entries every app service also gets (the passwords the rewired URLs interpolate)
     * @param lines report lines
     * @param findings findings
     */
    public record Result(List<ComposeService> services, List<String> volumes, Map<String, VarFate> varFates,
                         List<Dependency> appDependencies, List<EnvEntry> appExtraEnv, List<AddOnLine> lines,
                         List<Finding> findings) {}

    private final String appName;
    private final List<ComposeService> services = new ArrayList<>();
    private final TreeSet<String> volumes = new TreeSet<>();
    private final Map<String, VarFate> fates = new TreeMap<>();
    private final List<Dependency> dependencies = new ArrayList<>();
    private final List<EnvEntry> extraEnv = new ArrayList<>();
    private final List<AddOnLine> lines = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, String> serviceOwners = new LinkedHashMap<>();

    private AddOnRules(String appName) {
        this.appName = appName;
    }

    public static Result apply(AppSnapshot snapshot) {
        AddOnRules rules = new AddOnRules(snapshot.appName());
        List<AddOnInput> inputs = new ArrayList<>(AddOnInput.of(snapshot));
        // the Postgres attached as DATABASE is the primary one, whatever its name
        inputs.sort(Comparator.comparing((AddOnInput a) -> !a.attachmentNames().contains("DATABASE"))
                .thenComparing(AddOnInput::service).thenComparing(a -> a.name() == null ? "" : a.name()));
        inputs.forEach(rules::one);
        rules.services.sort(Comparator.comparing(ComposeService::name));
        rules.dependencies.sort(Comparator.comparing(Dependency::service));
        rules.lines.sort(Comparator.comparing(AddOnLine::service)
                .thenComparing(l -> l.name() == null ? "" : l.name()));
        return new Result(rules.services, List.copyOf(rules.volumes), rules.fates, rules.dependencies,
                rules.extraEnv, rules.lines, rules.findings);
    }

    private void one(AddOnInput addOn) {
        Entry entry = AddOnCatalog.lookup(addOn.service());
        String subject = "add-on " + addOn.service() + (addOn.name() == null ? "" : " (" + addOn.name() + ")");
        if (addOn.ownerApp() != null && !addOn.ownerApp().equals(appName)) {
            findings.add(Finding.warning("addon-shared", subject, "this add-on belongs to app \"" + addOn.ownerApp()
                    + "\" and is shared with this one; after the move this app no longer shares it: decide which"
                    + " copy the other app uses."));
        }
        switch (entry.kind()) {
            case POSTGRES -> postgres(addOn, subject);
            case REDIS -> redis(addOn, subject);
            case CONTAINER -> container(addOn, entry.container(), entry, subject);
            case SAAS -> saas(addOn, subject);
            case LOGGING -> {
                addOn.configVars().forEach(v -> fates.put(v, new VarFate(Outcome.DROPPED, null,
                        "log drain " + addOn.service() + ": logs go to the target's log service")));
                findings.add(Finding.note("addon-logging", subject, "logs now go to the target's log service;"
                        + " set up a forwarder to " + addOn.service() + " there if you still want it."));
                lines.add(line(addOn, null, Outcome.DROPPED, "log drain: logs go to the target's log service"));
            }
            case SCHEDULER -> {
                addOn.configVars().forEach(v -> fates.put(v, new VarFate(Outcome.DROPPED, null,
                        "belongs to " + addOn.service())));
                findings.add(Finding.warning("scheduler-jobs-unknown", subject, "scheduled jobs cannot be read from"
                        + " the Heroku API: list them with `heroku addons:open " + addOn.service() + " -a " + appName
                        + "` and recreate them on the target."));
                lines.add(line(addOn, null, Outcome.NEEDS_USER, "jobs cannot be read from the API: list them"));
            }
        }
    }

    private void postgres(AddOnInput addOn, String subject) {
        if (!claim("postgres", addOn, subject)) {
            return;
        }
        String major = major(addOn.version());
        if (major == null) {
            major = DEFAULT_POSTGRES_MAJOR;
            findings.add(Finding.warning("postgres-version-unknown", subject, "the Postgres version is not known;"
                    + " postgres:" + major + " is used: pick the major your data comes from or newer."));
        }
        String db = databaseName(addOn.databaseName(), appName);
        // postgres:18 images keep their data under a versioned folder of /var/lib/postgresql
        String dataPath = Integer.parseInt(major) >= 18 ? "/var/lib/postgresql" : "/var/lib/postgresql/data";
        services.add(ComposeService.builder("postgres")
                .comment(origin(addOn))
                .image("postgres:" + major)
                .env("POSTGRES_USER", POSTGRES_USER)
                .env("POSTGRES_DB", db)
                .env(EnvEntry.bare(POSTGRES_PASSWORD))
                .healthcheck(new Healthcheck(List.of("CMD-SHELL",
                        "pg_isready -U $${POSTGRES_USER} -d $${POSTGRES_DB}"), "5s", "5s", 10, "10s"))
                .volume("postgres-data:" + dataPath)
                .extension("x-defang-postgres", true)
                .build());
        volumes.add("postgres-data");
        String url = "postgres://" + POSTGRES_USER + ":${" + POSTGRES_PASSWORD + "}@postgres:5432/" + db;
        rewire(addOn, List.of("_URL"), url, "postgres");
        extraEnv.add(EnvEntry.bare(POSTGRES_PASSWORD));
        dependencies.add(new Dependency("postgres", Condition.SERVICE_HEALTHY));
        lines.add(line(addOn, "postgres", Outcome.MIGRATED, "postgres:" + major + " with a volume;"
                + " move the data with ferry's data mover"));
    }

    private void redis(AddOnInput addOn, String subject) {
        if (!claim("redis", addOn, subject)) {
            return;
        }
        String major = major(addOn.version());
        if (major == null) {
            major = DEFAULT_REDIS_MAJOR;
        }
        services.add(ComposeService.builder("redis")
                .comment(origin(addOn))
                .image("redis:" + major)
                .healthcheck(new Healthcheck(List.of("CMD", "redis-cli", "ping"), "5s", "5s", 10, null))
                .volume("redis-data:/data")
                .extension("x-defang-redis", true)
                .build());
        volumes.add("redis-data");
        rewire(addOn, List.of("_URL"), "redis://redis:6379", "redis");
        dependencies.add(new Dependency("redis", Condition.SERVICE_HEALTHY));
        lines.add(line(addOn, "redis", Outcome.MIGRATED, "redis:" + major
                + (addOn.service().equals("heroku-redis") ? "" : " in place of the hosted Redis")));
    }

    private void container(AddOnInput addOn, Container container, Entry entry, String subject) {
        if (!claim(container.service(), addOn, subject)) {
            return;
        }
        ComposeService.Builder service = ComposeService.builder(container.service())
                .comment(origin(addOn))
                .image(container.image())
                .healthcheck(container.healthcheck());
        container.environment().forEach(service::env);
        services.add(service.build());
        rewire(addOn, entry.urlVars(), container.urlTemplate(), container.service());
        if (container.passwordVar() != null) {
            extraEnv.add(EnvEntry.bare(container.passwordVar()));
        }
        dependencies.add(new Dependency(container.service(),
                container.healthcheck() == null ? Condition.SERVICE_STARTED : Condition.SERVICE_HEALTHY));
        lines.add(line(addOn, container.service(), Outcome.MIGRATED, "open container " + container.image()));
    }

    private void saas(AddOnInput addOn, String subject) {
        boolean known = AddOnCatalog.knows(addOn.service());
        addOn.configVars().forEach(v -> fates.put(v, new VarFate(Outcome.NEEDS_VALUE, null,
                "from " + addOn.service() + ": copy it from Heroku")));
        if (known) {
            findings.add(Finding.warning("addon-saas-kept", subject, "a hosted service that keeps working outside"
                    + " Heroku: its config vars stay as secrets; copy their values into the target's config store."
                    + " The account belongs to the Heroku add-on: removing the add-on revokes them, so keep it or"
                    + " open an account with the provider before you shut the Heroku app down."));
        } else {
            findings.add(Finding.warning("addon-unknown", subject, "ferry has no rule for this add-on; its config"
                    + " vars stay as secrets: check that the service is reachable from outside Heroku."));
        }
        if (addOn.fromSource() && addOn.configVars().isEmpty()) {
            findings.add(Finding.warning("addon-vars-unknown", subject, "only app.json names this add-on, so its"
                    + " config vars are unknown: add them to compose.yaml."));
        }
        lines.add(line(addOn, null, Outcome.NEEDS_VALUE, known ? "hosted service: its config vars stay as secrets"
                : "no rule for this add-on: its config vars stay as secrets"));
    }

    /** The first add-on of a service name claims it; a second one needs the user. */
    private boolean claim(String serviceName, AddOnInput addOn, String subject) {
        String owner = serviceOwners.putIfAbsent(serviceName, subject);
        if (owner == null) {
            return true;
        }
        addOn.configVars().forEach(v -> fates.put(v, new VarFate(Outcome.NEEDS_USER, null,
                "a second " + serviceName + ": point it at a store of your choice")));
        findings.add(Finding.warning("addon-second-instance", subject, "service \"" + serviceName
                + "\" already stands for " + owner + "; this one is not migrated: its config vars stay bare,"
                + " add a service for it or point them at an existing one."));
        lines.add(line(addOn, null, Outcome.NEEDS_USER, "second " + serviceName + ": not migrated"));
        return false;
    }

    private void rewire(AddOnInput addOn, List<String> suffixes, String value, String service) {
        for (String var : addOn.configVars()) {
            boolean served = suffixes.stream().anyMatch(var::endsWith);
            fates.put(var, served
                    ? new VarFate(Outcome.REWIRED, value, "→ service " + service)
                    : new VarFate(Outcome.DROPPED, null, "not used by the " + service + " container"));
        }
    }

    private static AddOnLine line(AddOnInput addOn, String becomes, Outcome outcome, String detail) {
        return new AddOnLine(addOn.service(), addOn.name(), planName(addOn.plan()), becomes, outcome, detail);
    }

    private static String origin(AddOnInput addOn) {
        StringBuilder text = new StringBuilder(addOn.fromSource() ? "app.json add-on " : "Heroku add-on ")
                .append(addOn.service());
        String plan = planName(addOn.plan());
        if (addOn.name() != null || plan != null) {
            text.append(" (").append(addOn.name() == null ? plan
                    : plan == null ? addOn.name() : addOn.name() + ", " + plan).append(")");
        }
        if (!addOn.attachmentNames().isEmpty()) {
            text.append(", attached as ").append(String.join(", ", addOn.attachmentNames()));
        }
        return text.toString();
    }

    static String planName(String plan) {
        if (plan == null) {
            return null;
        }
        int colon = plan.indexOf(':');
        return colon < 0 ? null : plan.substring(colon + 1);
    }

    /** "17" from "17", "17.4" or "7" from "7.2.4"; null when absent or not a version. */
    static String major(String version) {
        if (version == null) {
            return null;
        }
        String major = version.trim().split("\\.", 2)[0];
        return major.matches("\\d{1,3}") ? major : null;
    }

    /**
     * The database's name on Heroku when the data API gave one that is a plain Postgres identifier (as in the
     * tutorial: eb631mzx93pn27), so that the new database is the same one by name; else one from the app's name.
     */
    static String databaseName(String herokuName, String appName) {
        return herokuName != null && herokuName.matches("[a-z_][a-z0-9_]{0,62}") ? herokuName : databaseName(appName);
    }

    /** A Postgres identifier from the app's name: lowercase, [a-z0-9_], starts with a letter, ≤ 63. */
    static String databaseName(String appName) {
        String name = appName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name = "app_" + name;
        }
        return name.length() > 63 ? name.substring(0, 63) : name;
    }
}
