package dev.ferry.provider.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.FerryException;
import dev.ferry.build.PullPolicy;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.LogOptions;
import dev.ferry.provider.UpResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The engine operations on a project's containers, networks and volumes, found by ferry's labels. */
final class Containers {

    static final Duration SHORT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineCli cli;

    Containers(EngineCli cli) {
        this.cli = cli;
    }

    EngineCli cli() {
        return cli;
    }

    /** The project's containers, as the engine reports them. */
    List<ExistingContainer> list(String project) {
        EngineCli.Result ids = cli.check("could not list the project's containers",
                List.of("ps", "-a", "-q", "--filter", "label=" + LocalDeployment.PROJECT_LABEL + "=" + project), SHORT);
        List<String> idList = ids.out().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (idList.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of("inspect", "--type", "container"));
        args.addAll(idList);
        EngineCli.Result inspected = cli.run(args, SHORT);
        List<ExistingContainer> containers = new ArrayList<>();
        try {
            for (JsonNode c : JSON.readTree(inspected.out().isBlank() ? "[]" : inspected.out())) {
                containers.add(existing(c));
            }
        } catch (IOException e) {
            throw FerryException.failed("could not read the engine's description of the containers", null, e);
        }
        return containers;
    }

    private static ExistingContainer existing(JsonNode c) {
        JsonNode labels = c.path("Config").path("Labels");
        JsonNode state = c.path("State");
        List<String> ports = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("NetworkSettings").path("Ports").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> port = it.next();
            for (JsonNode binding : port.getValue()) {
                String ip = binding.path("HostIp").asText("");
                ports.add((ip.isEmpty() ? "0.0.0.0" : ip) + ":" + binding.path("HostPort").asText() + "->" + port.getKey());
            }
        }
        return new ExistingContainer(c.path("Name").asText().replaceFirst("^/", ""),
                labels.path(LocalDeployment.SERVICE_LABEL).asText(""), labels.path(LocalDeployment.HASH_LABEL).asText(""),
                state.path("Status").asText(""), state.path("ExitCode").asInt(), state.path("Health").path("Status").asText(""),
                ports, c.path("Config").path("Image").asText(""));
    }

    /** The engine's id of {@code image}, empty when it is not on this machine. */
    Optional<String> imageId(String image) {
        EngineCli.Result result = cli.run(List.of("image", "inspect", "--format", "{{.Id}}", image), SHORT);
        return result.ok() && !result.out().isBlank() ? Optional.of(result.out().strip()) : Optional.empty();
    }

    /** The id of {@code image}, pulling it when allowed and missing (always when ALWAYS). */
    String requireImage(String image, PullPolicy pull) {
        Optional<String> id = pull == PullPolicy.ALWAYS ? Optional.empty() : imageId(image);
        if (id.isPresent()) {
            return id.get();
        }
        if (pull == PullPolicy.NEVER) {
            throw FerryException.environment("image " + image + " is not on this machine, and pulling is off (--pull never)",
                    "pull or build it first (" + cli.engine().kind().command() + " pull " + image + "), or allow pulling");
        }
        cli.check("could not pull " + image, List.of("pull", image), Duration.ofMinutes(10));
        return imageId(image).orElseThrow(() -> FerryException.failed("pulled " + image + " but the engine does not list it", null, null));
    }

    void ensureNetwork(String project) {
        String network = LocalDeployment.network(project);
        if (!cli.run(List.of("network", "inspect", network), SHORT).ok()) {
            cli.check("could not create the network " + network, List.of("network", "create", "--label",
                    LocalDeployment.PROJECT_LABEL + "=" + project, network), SHORT);
        }
    }

    void ensureVolumes(String project, Set<String> volumes) {
        for (String volume : volumes) {
            if (!cli.run(List.of("volume", "inspect", volume), SHORT).ok()) {
                cli.check("could not create the volume " + volume, List.of("volume", "create", "--label",
                        LocalDeployment.PROJECT_LABEL + "=" + project, volume), SHORT);
            }
        }
    }

    /** Stops and removes every container of {@code service}. */
    void removeService(String project, String service) {
        remove(list(project).stream().filter(c -> c.service().equals(service)).map(ExistingContainer::name).toList());
    }

    void remove(List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        List<String> stop = new ArrayList<>(List.of("stop", "-t", "3"));
        stop.addAll(names);
        cli.run(stop, SHORT);
        List<String> rm = new ArrayList<>(List.of("rm", "-f"));
        rm.addAll(names);
        cli.check("could not remove " + String.join(", ", names), rm, SHORT);
    }

    /** Where each service's published ports answer, from the running containers. */
    List<UpResult.Endpoint> endpoints(String project) {
        List<UpResult.Endpoint> endpoints = new ArrayList<>();
        for (ExistingContainer c : list(project)) {
            if (!c.running()) {
                continue;
            }
            for (String port : c.ports()) {
                String host = port.substring(0, port.indexOf("->"));
                String hostPort = host.substring(host.lastIndexOf(':') + 1);
                String ip = host.substring(0, host.lastIndexOf(':'));
                String address = ip.equals("0.0.0.0") || ip.isEmpty() ? "localhost" : ip;
                String url = (port.endsWith("/udp") ? "udp://" : "http://") + address + ":" + hostPort;
                if (endpoints.stream().noneMatch(e -> e.url().equals(url))) {
                    endpoints.add(new UpResult.Endpoint(c.service(), url));
                }
            }
        }
        endpoints.sort(java.util.Comparator.comparing(UpResult.Endpoint::service).thenComparing(UpResult.Endpoint::url));
        return endpoints;
    }

    /** Shows the logs of the chosen services' containers; with follow, until they stop or ferry is interrupted. */
    void logs(String project, LogOptions options, EventSink events) {
        List<ExistingContainer> chosen = list(project).stream()
                .filter(c -> options.services().isEmpty() || options.services().contains(c.service()))
                .sorted(java.util.Comparator.comparing(ExistingContainer::name)).toList();
        for (String wanted : options.services()) {
            if (chosen.stream().noneMatch(c -> c.service().equals(wanted))) {
                throw FerryException.badInput("service " + wanted + " has no containers", "run ferry compose ps to see what runs");
            }
        }
        List<Process> processes = new ArrayList<>();
        Thread stopper = new Thread(() -> processes.forEach(Process::destroy));
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            for (ExistingContainer c : chosen) {
                List<String> args = new ArrayList<>(List.of("logs"));
                if (options.follow()) {
                    args.add("--follow");
                }
                if (options.tail() >= 0) {
                    args.addAll(List.of("--tail", String.valueOf(options.tail())));
                }
                if (options.since() != null) {
                    args.addAll(List.of("--since", options.since()));
                }
                args.add(c.name());
                String source = source(project, c.name(), c.service());
                Process process = cli.stream(args, line -> events.emit(new FerryEvent.Log(source, line)));
                processes.add(process);
                if (!options.follow()) {
                    waitFor(process);
                }
            }
            processes.forEach(Containers::waitFor);
        } finally {
            processes.forEach(Process::destroy);
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
    }

    /** The log prefix: the service, with the replica number from the second replica on. */
    static String source(String project, String container, String service) {
        String replica = container.substring(container.lastIndexOf('-') + 1);
        return "1".equals(replica) || !container.startsWith(project + "-" + service + "-") ? service : service + "-" + replica;
    }

    static void waitFor(Process process) {
        try {
            process.waitFor();
            Thread.sleep(50); // let the reader thread hand over the last lines
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void down(String project, boolean volumes, EventSink events) {
        List<ExistingContainer> containers = list(project);
        containers.forEach(c -> events.emit(new FerryEvent.Status(c.name(), "removing")));
        remove(containers.stream().map(ExistingContainer::name).toList());
        containers.forEach(c -> events.emit(new FerryEvent.Status(c.name(), "removed")));
        String network = LocalDeployment.network(project);
        if (cli.run(List.of("network", "inspect", network), SHORT).ok()) {
            cli.check("could not remove the network " + network, List.of("network", "rm", network), SHORT);
            events.emit(new FerryEvent.Status(network, "network removed"));
        }
        if (volumes) {
            EngineCli.Result listed = cli.check("could not list the project's volumes", List.of("volume", "ls", "-q",
                    "--filter", "label=" + LocalDeployment.PROJECT_LABEL + "=" + project), SHORT);
            for (String volume : listed.out().lines().map(String::strip).filter(s -> !s.isEmpty()).toList()) {
                cli.check("could not remove the volume " + volume, List.of("volume", "rm", volume), SHORT);
                events.emit(new FerryEvent.Status(volume, "volume removed"));
            }
        }
    }
}
