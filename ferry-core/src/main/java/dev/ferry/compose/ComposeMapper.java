package dev.ferry.compose;

import dev.ferry.Finding;
import dev.ferry.compose.ComposeService.Build;
import dev.ferry.compose.ComposeService.Condition;
import dev.ferry.compose.ComposeService.Deploy;
import dev.ferry.compose.ComposeService.Healthcheck;
import dev.ferry.compose.MigrationReport.Outcome;
import dev.ferry.compose.MigrationReport.ProcessLine;
import dev.ferry.compose.ProcessRules.ProcessType;
import dev.ferry.snapshot.AppSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * AppSnapshot → Compose project + migration report. Pure and deterministic: no I/O, and the same snapshot always
 * gives the same project. Each concern is one rule class ({@link ProcessRules}, {@link ServiceNames},
 * {@link DynoSizeTable}, {@link AddOnRules} over {@link AddOnCatalog}, {@link ConfigVarRules}, {@link UnmappedRules});
 * this class only puts their answers together into services. docs/mapping.md is the table in words.
 */
public final class ComposeMapper {

    /** The port web listens on, as in Defang's tutorial. */
    public static final int DEFAULT_WEB_PORT = 5000;

    /** Every Procfile line runs through a shell, as on Heroku, so $VARS and pipes work (docs/mapping.md). */
    static final List<String> SHELL = List.of("/bin/sh", "-c");

    private ComposeMapper() {
    }

    public static MappingResult map(AppSnapshot snapshot) {
        return map(snapshot, DEFAULT_WEB_PORT);
    }

    public static MappingResult map(AppSnapshot snapshot, int webPort) {
        List<Finding> findings = new ArrayList<>();
        ProcessRules.Result processes = ProcessRules.collect(snapshot);
        findings.addAll(processes.findings());
        AddOnRules.Result addOns = AddOnRules.apply(snapshot);
        findings.addAll(addOns.findings());
        ConfigVarRules.Result config = ConfigVarRules.apply(snapshot, addOns.varFates());
        findings.addAll(config.findings());
        findings.addAll(UnmappedRules.apply(snapshot));

        Set<String> reserved = addOns.services().stream().map(ComposeService::name).collect(Collectors.toSet());
        Map<String, String> names = ServiceNames.assign(
                processes.processes().stream().map(ProcessType::type).toList(), reserved);
        String releaseService = processes.processes().stream().filter(ProcessType::isRelease)
                .map(p -> names.get(p.type())).findFirst().orElse(null);
        String webSize = processes.processes().stream().filter(ProcessType::isWeb)
                .map(ProcessType::size).filter(java.util.Objects::nonNull).findFirst().orElse(null);

        List<ComposeService> appServices = new ArrayList<>();
        List<ProcessLine> processLines = new ArrayList<>();
        Set<String> sizeWarned = new HashSet<>();
        for (ProcessType process : writeOrder(processes.processes())) {
            String name = names.get(process.type());
            String size = process.isRelease() ? webSize : process.size();
            DynoSizeTable.Size resolved = resolveSize(size, snapshot, findings, sizeWarned);
            ComposeService.Builder service = ComposeService.builder(name)
                    .comment(comment(process, size))
                    .build(new Build(".", dockerfile(snapshot, process.type())));
            if (process.command() != null) {
                service.command(List.of(SHELL.get(0), SHELL.get(1), ComposeText.literal(process.command())));
            }
            if (process.isWeb()) {
                service.port(webPort + ":" + webPort);
            }
            config.environment().forEach(service::env);
            if (process.isWeb()) {
                service.env("PORT", String.valueOf(webPort));
                service.healthcheck(new Healthcheck(List.of("CMD-SHELL",
                        "curl -s -o /dev/null http://127.0.0.1:$${PORT}/ || exit 1"), "10s", "5s", 5, "60s"));
            }
            addOns.appExtraEnv().forEach(service::env);
            addOns.appDependencies().forEach(d -> service.dependsOn(d.service(), d.condition()));
            if (releaseService != null && !process.isRelease()) {
                service.dependsOn(releaseService, Condition.SERVICE_COMPLETED_SUCCESSFULLY);
            }
            service.deploy(new Deploy(process.isRelease() ? null : process.quantity(),
                    resolved.resources(), resolved.resources()));
            if (process.isRelease()) {
                service.restart("no");
            }
            appServices.add(service.build());
            processLines.add(processLine(process, name, size));
            if (process.quantity() != null && process.quantity() == 0) {
                findings.add(Finding.note("replicas-zero", "process " + process.type(), "scaled to 0 on Heroku;"
                        + " kept with replicas: 0, so it is built but not started: scale it up when needed."));
            }
        }
        ServiceNames.renamed(names).forEach(e -> findings.add(Finding.note("process-renamed",
                "process " + e.getKey(), "service name \"" + e.getValue() + "\": Compose service names must be"
                        + " DNS labels.")));

        List<ComposeService> services = new ArrayList<>(addOns.services());
        services.addAll(appServices);
        // no top-level name: the folder names the project (as in the tutorial), and docker-compose 1.x rejects the key
        ComposeProject project = new ComposeProject(null, header(snapshot),
                services, addOns.volumes());
        MigrationReport report = new MigrationReport(snapshot.appName(), sources(snapshot), processLines
                .stream().sorted(java.util.Comparator.comparing(ProcessLine::type)).toList(),
                addOns.lines(), config.lines(),
                addOns.appExtraEnv().stream().map(ComposeService.EnvEntry::name).sorted().toList(), findings);
        return new MappingResult(project, report, findings);
    }

    /** web first (it is what people look for), then the other processes by name, release last. */
    private static List<ProcessType> writeOrder(List<ProcessType> processes) {
        List<ProcessType> ordered = new ArrayList<>();
        processes.stream().filter(ProcessType::isWeb).forEach(ordered::add);
        processes.stream().filter(p -> !p.isWeb() && !p.isRelease()).forEach(ordered::add);
        processes.stream().filter(ProcessType::isRelease).forEach(ordered::add);
        return ordered;
    }

    private static DynoSizeTable.Size resolveSize(String size, AppSnapshot snapshot, List<Finding> findings,
                                                  Set<String> warned) {
        if (size == null) {
            return DynoSizeTable.DEFAULT;
        }
        var facts = snapshot.heroku() == null ? List.<dev.ferry.snapshot.HerokuFacts.DynoSize>of()
                : snapshot.heroku().dynoSizes();
        return DynoSizeTable.resolve(size, facts).orElseGet(() -> {
            if (warned.add(size)) {
                findings.add(Finding.warning("dyno-size-unknown", "dyno size " + size, "not a size ferry knows;"
                        + " " + DynoSizeTable.DEFAULT_SIZE_NAME + " resources (1 CPU, 512M) are used: adjust"
                        + " deploy.resources."));
            }
            return DynoSizeTable.DEFAULT;
        });
    }

    private static String comment(ProcessType process, String size) {
        if (process.isRelease()) {
            return process.origin() + " release phase: runs once before every rollout";
        }
        String where = "Heroku".equals(process.origin()) ? "Heroku process" : process.origin() + " process";
        return where + " \"" + process.type() + "\" (" + dynos(process, size) + ")";
    }

    private static String dynos(ProcessType process, String size) {
        if (process.isRelease()) {
            return "one-off";
        }
        return (size == null ? "default size" : size) + " ×" + process.quantity();
    }

    private static ProcessLine processLine(ProcessType process, String service, String size) {
        List<String> details = new ArrayList<>();
        if (!service.equals(process.type())) {
            details.add("renamed to a DNS label");
        }
        if (process.isRelease()) {
            details.add("runs to completion before the other services start");
        } else if (process.quantity() == 0) {
            details.add("0 replicas: built, not started");
        }
        if (size == null && !process.isRelease()) {
            details.add(DynoSizeTable.DEFAULT_SIZE_NAME + " resources (size not given)");
        }
        if (process.command() == null) {
            details.add("the image's own command");
        }
        return new ProcessLine(process.type(), service, process.command(), dynos(process, size),
                Outcome.MIGRATED, String.join("; ", details));
    }

    /** heroku.yml build.docker: the process's Dockerfile, else web's (Heroku builds every type from it). */
    private static String dockerfile(AppSnapshot snapshot, String type) {
        if (snapshot.source() == null || snapshot.source().herokuYml() == null) {
            return null;
        }
        Map<String, String> docker = snapshot.source().herokuYml().buildDocker();
        String file = docker.getOrDefault(type, docker.get(ProcessRules.WEB));
        return file == null || file.equals("Dockerfile") ? null : file;
    }

    private static List<String> header(AppSnapshot snapshot) {
        return List.of("Generated by ferry from " + sources(snapshot) + " for \"" + snapshot.appName() + "\".",
                "Review it, then read ferry-migration.md: bare entries (NAME:) need values in the target's"
                        + " config store.");
    }

    private static String sources(AppSnapshot snapshot) {
        if (snapshot.heroku() != null && snapshot.source() != null) {
            return "the Heroku API and the source folder";
        }
        return snapshot.heroku() != null ? "the Heroku API" : "the source folder";
    }
}
