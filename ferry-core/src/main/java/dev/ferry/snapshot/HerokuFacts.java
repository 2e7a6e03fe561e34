package dev.ferry.snapshot;

import java.util.List;
import java.util.Map;

/**
 * What the Heroku Platform API (and the data API) said about one app.
 *
 * @param app the app itself
 * @param formation every process type in the formation, quantity 0 included, in the API's order sorted by type
 * @param releaseProcessTypes the current release's slug process_types (type to command); empty when the app has
 *     no slug (e.g. a container app) or no release yet
 * @param dynoSizes each distinct dyno size used by the formation, once, sorted by name
 * @param addOns add-ons attached to the app, its own and shared ones attached from other apps, sorted by name
 * @param configVars the app's config vars by name, sorted by name; values only for plain ones
 * @param domains custom and Heroku domains' hostnames, sorted
 */
public record HerokuFacts(
        AppInfo app,
        List<FormationEntry> formation,
        Map<String, String> releaseProcessTypes,
        List<DynoSize> dynoSizes,
        List<AddOnFact> addOns,
        List<ConfigVarFact> configVars,
        List<String> domains) {

    public HerokuFacts {
        formation = List.copyOf(formation);
        releaseProcessTypes = Map.copyOf(releaseProcessTypes);
        dynoSizes = List.copyOf(dynoSizes);
        addOns = List.copyOf(addOns);
        configVars = List.copyOf(configVars);
        domains = List.copyOf(domains);
    }

    /**
     * @param name the app's name
     * @param stack e.g. heroku-24, or container
     * @param region e.g. us, eu
     * @param buildpacks buildpack URLs or names as the app's buildpack installations list them, in order
     * @param generation cedar or fir
     */
    public record AppInfo(String name, String stack, String region, List<String> buildpacks, String generation) {
        public AppInfo {
            buildpacks = List.copyOf(buildpacks);
        }
    }

    /**
     * One process type of the formation.
     *
     * @param type the process type as Heroku names it (web, worker, release is never in a formation)
     * @param command the command the dynos run
     * @param quantity number of dynos, 0 kept
     * @param size dyno size name, e.g. Eco, Basic, Standard-1X
     */
    public record FormationEntry(String type, String command, int quantity, String size) {}

    /**
     * A dyno size.
     *
     * @param name e.g. Standard-2X
     * @param memoryGb RAM in GB
     * @param compute compute units, may be null
     * @param dynoUnits precise_dyno_units (or the older dyno_units), may be null
     */
    public record DynoSize(String name, double memoryGb, Integer compute, Double dynoUnits) {}

    /**
     * An add-on attached to the app.
     *
     * @param id the add-on's UUID (the data API is keyed by it)
     * @param name e.g. postgresql-rosy-12345
     * @param service the add-on service, e.g. heroku-postgresql
     * @param plan the plan, e.g. heroku-postgresql:essential-0
     * @param ownerApp the app that owns (bills) the add-on; differs from the snapshot's app for a shared add-on
     * @param attachments this app's attachments of the add-on, sorted by name
     * @param version the engine version from the data API (Postgres major like "16", Redis like "7.2.4"), or null
     * @param databaseName for heroku-postgresql, the database's name from the data API (e.g. eb631mzx93pn27), or
     *     null; a name, not a credential
     */
    public record AddOnFact(String id, String name, String service, String plan, String ownerApp,
                            List<AttachmentFact> attachments, String version, String databaseName) {
        public AddOnFact {
            attachments = List.copyOf(attachments);
        }

        /** An add-on whose database name is not known (every add-on but Postgres, or no data API answer). */
        public AddOnFact(String id, String name, String service, String plan, String ownerApp,
                         List<AttachmentFact> attachments, String version) {
            this(id, name, service, plan, ownerApp, attachments, version, null);
        }
    }

    /**
     * One attachment of an add-on to this app.
     *
     * @param name the attachment name, e.g. DATABASE or HEROKU_POSTGRESQL_ONYX
     * @param configVarNames the config vars this attachment sets on the app, e.g. DATABASE_URL
     */
    public record AttachmentFact(String name, List<String> configVarNames) {
        public AttachmentFact {
            configVarNames = List.copyOf(configVarNames);
        }
    }
}
