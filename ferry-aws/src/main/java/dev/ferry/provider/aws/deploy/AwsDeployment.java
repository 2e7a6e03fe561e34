package dev.ferry.provider.aws.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.FerryException;
import dev.ferry.compose.ComposeService;
import dev.ferry.compose.load.ComposeRules;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.DeploymentMode;
import dev.ferry.provider.DeploymentPlan;
import dev.ferry.provider.DeploymentPlan.Action;
import dev.ferry.provider.DeploymentPlan.Change;
import dev.ferry.provider.UpOptions;
import dev.ferry.provider.UpResult;
import dev.ferry.provider.aws.AwsClients;
import dev.ferry.provider.aws.AwsSettings;
import dev.ferry.provider.aws.template.AppStackInput;
import dev.ferry.provider.aws.template.AppStackOutputs;
import dev.ferry.provider.aws.template.BootstrapOutputs;
import dev.ferry.provider.aws.template.LogicalIds;
import dev.ferry.provider.local.LocalDeployment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The aws provider's up, plan and render. up: the bootstrap stack; each build context uploaded and built into ECR;
 * then the app stack in two updates around the release — phase 1 gives the run-once services their new image (on
 * the first create every image, with the services held at 0 tasks), the release runs as a one-off task, and only
 * when it exited 0 does phase 2 give every service its new image. A failed release leaves the running version in
 * place.
 */
public final class AwsDeployment {

    /** The shortest wait for a release task, whatever the (local-sized) up timeout says: Fargate starts slowly. */
    static final Duration MIN_RELEASE_WAIT = Duration.ofMinutes(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsSettings settings;
    private final Templates templates;
    private final EventSink events;
    private final StackDeployer deployer;
    private final ContextUploader uploader;
    private final CodeBuildRunner builder;
    private final ReleaseTask releaseTask;
    private final AwsClients clients;
    private String stage = "the deploy";

    /** @param scratch the folder for temporary context archives (always emptied again) */
    public AwsDeployment(AwsClients clients, AwsSettings settings, Templates templates, Waiting waiting, Path scratch,
                         EventSink events) {
        this.clients = clients;
        this.settings = settings;
        this.templates = templates;
        this.events = events;
        this.deployer = new StackDeployer(clients.cloudFormation(), clients.s3(), waiting, events);
        this.uploader = new ContextUploader(clients.s3(), scratch, events);
        this.builder = new CodeBuildRunner(clients.codeBuild(), clients.ecr(), clients.logs(), waiting, events);
        this.releaseTask = new ReleaseTask(clients.ecs(), clients.logs(), waiting, events);
    }

    /** Deploys the project; returns where it answers. */
    public UpResult up(LoadedCompose compose, SortedSet<String> storedConfig, UpOptions options) {
        requireConfig(compose, storedConfig);
        try {
            return deploy(compose, options);
        } catch (FerryException e) {
            throw e;
        } catch (RuntimeException e) {
            if (Waiting.isInterrupt(e)) {
                throw Waiting.detached(stage);
            }
            throw e;
        }
    }

    private UpResult deploy(LoadedCompose compose, UpOptions options) {
        String stackName = settings.appStackName();
        events.emit(new FerryEvent.Step("Deploying " + settings.project() + " (stack " + settings.provider().stack()
                + ", " + settings.provider().mode().cliName() + ") to AWS " + settings.region()));
        stage = "the bootstrap stack " + AwsSettings.bootstrapStackName();
        BootstrapOutputs bootstrap = new Bootstrapper(deployer, templates, events).ensure();
        // a stack that cannot take a change now is reported before anything is uploaded or built
        deployer.describe(stackName).ifPresent(StackDeployer::requireDeployable);
        Images images = build(compose, bootstrap);
        ObjectNode template = appTemplate(new AppStackInput(compose, settings, bootstrap, compose.neededConfig()));
        String body = pretty(template);
        Set<String> declared = parameterNames(template);
        Optional<StackState> existing = deployer.describe(stackName).filter(s -> !isReview(s));
        List<ComposeService> releases = TwoPhaseUpdate.releaseServices(compose, declared);
        boolean release = !releases.isEmpty() && TwoPhaseUpdate.servicesChange(existing, images.uris(), declared);
        DeploymentPlan plan = changes(compose, existing, images, release);
        stage = "the stack " + stackName;
        if (release) {
            events.emit(new FerryEvent.Step("Phase 1: the release's new image" + (existing.isEmpty()
                    ? "s; services held at 0 tasks until the release has run" : "; services keep the running version")));
            Set<String> now = new LinkedHashSet<>(releases.stream().map(ComposeService::name).toList());
            StackState phase1 = deployer.deploy(request(body, TwoPhaseUpdate.parameters(declared, images.uris(), existing, now,
                    existing.isEmpty() ? "false" : null), bootstrap));
            Duration wait = options.waitTimeout().compareTo(MIN_RELEASE_WAIT) > 0 ? options.waitTimeout()
                    : MIN_RELEASE_WAIT;
            for (ComposeService service : releases) {
                stage = "the release task of " + service.name() + " (the services are not updated yet)";
                releaseTask.run(releaseSpec(service, phase1), wait);
            }
            events.emit(new FerryEvent.Step("Phase 2: every service's new image"));
        }
        stage = "the stack " + stackName;
        StackState done = deployer.deploy(request(body, TwoPhaseUpdate.parameters(declared, images.uris(), existing,
                images.uris().keySet(), "true"), bootstrap));
        reportServices(compose, done);
        return new UpResult(plan, endpoints(compose, done));
    }

    /** What up would do, from describe-only calls (no upload, no build, no change set). */
    public DeploymentPlan plan(LoadedCompose compose, SortedSet<String> storedConfig) {
        requireConfig(compose, storedConfig);
        Optional<StackState> bootstrapStack = deployer.describe(AwsSettings.bootstrapStackName());
        Optional<BootstrapOutputs> bootstrap = bootstrapStack.filter(StackState::isComplete)
                .flatMap(s -> readable(s.outputs()));
        events.emit(new FerryEvent.Detail(bootstrap.isEmpty() ? "the bootstrap stack will be created"
                : "the bootstrap stack exists" + (java.util.Objects.equals(bootstrapStack.get().outputs().get(
                        Templates.VERSION_OUTPUT), templates.bootstrapVersion()) ? "" : " and will be updated")));
        BootstrapOutputs outputs = bootstrap.orElse(placeholder(settings.region()));
        Map<String, String> uris = new LinkedHashMap<>();
        Map<String, String> toBuild = new LinkedHashMap<>();
        for (BuildGroup group : BuildGroup.of(compose, events)) {
            String tag = CodeBuildRunner.tag(settings.project(), group.first(),
                    uploader.hash(group.context(), group.dockerfile()));
            boolean built = bootstrap.isPresent() && builder.hasImage(bootstrap.get(), tag);
            group.services().forEach(s -> {
                uris.put(s, outputs.imageRepositoryUri() + ":" + tag);
                if (!built) {
                    toBuild.put(s, tag);
                }
            });
        }
        Images images = new Images(withPulledImages(compose, uris), toBuild);
        ObjectNode template = appTemplate(new AppStackInput(compose, settings, outputs, compose.neededConfig()));
        Set<String> declared = parameterNames(template);
        Optional<StackState> existing = deployer.describe(settings.appStackName()).filter(s -> !isReview(s));
        events.emit(new FerryEvent.Detail("stack " + settings.appStackName() + " will be "
                + (existing.isEmpty() ? "created" : "updated through a change set")));
        boolean release = !TwoPhaseUpdate.releaseServices(compose, declared).isEmpty()
                && TwoPhaseUpdate.servicesChange(existing, images.uris(), declared);
        return changes(compose, existing, images, release);
    }

    /**
     * The app stack's template, pretty JSON. Reads the bootstrap stack's outputs when it can; otherwise renders with
     * placeholders and says so.
     */
    public String render(LoadedCompose compose) {
        BootstrapOutputs bootstrap;
        try {
            bootstrap = deployer.describe(AwsSettings.bootstrapStackName()).filter(StackState::isComplete)
                    .flatMap(s -> readable(s.outputs())).orElseThrow(() -> new IllegalStateException("not deployed"));
        } catch (RuntimeException e) {
            events.emit(new FerryEvent.Step("The bootstrap stack could not be read (" + shortReason(e)
                    + "); the template shows placeholders for its bucket, image repository and build project"));
            bootstrap = placeholder(settings.region());
        }
        return renderWith(compose, settings, bootstrap, templates, events);
    }

    /** The template for the given bootstrap outputs; no call to AWS. */
    public static String renderWith(LoadedCompose compose, AwsSettings settings, BootstrapOutputs bootstrap,
                                    Templates templates, EventSink events) {
        Templates.App app = templates.app(new AppStackInput(compose, settings, bootstrap, compose.neededConfig()));
        report(app, events);
        return pretty(app.template());
    }

    private ObjectNode appTemplate(AppStackInput input) {
        Templates.App app = templates.app(input);
        report(app, events);
        return app.template();
    }

    /** What the template could not carry over, as the user should read it before deploying. */
    private static void report(Templates.App app, EventSink events) {
        app.findings().forEach(f -> events.emit(new FerryEvent.Step(f.severity().name().toLowerCase(java.util.Locale.ROOT)
                + " [" + f.code() + "] " + f.subject() + ": " + f.message())));
    }

    /** Stand-ins for the bootstrap's outputs in a template rendered without access to the account. */
    public static BootstrapOutputs placeholder(String region) {
        return new BootstrapOutputs("PLACEHOLDER-artifact-bucket",
                "PLACEHOLDER-ACCOUNT.dkr.ecr." + region + ".amazonaws.com/PLACEHOLDER-repository",
                "PLACEHOLDER-build-project", "PLACEHOLDER-build-log-group");
    }

    /** The image of each service that runs one, and the tags CodeBuild builds this time. */
    private record Images(Map<String, String> uris, Map<String, String> built) {}

    private Images build(LoadedCompose compose, BootstrapOutputs bootstrap) {
        Map<String, String> uris = new LinkedHashMap<>();
        Map<String, String> built = new LinkedHashMap<>();
        for (BuildGroup group : BuildGroup.of(compose, events)) {
            String label = String.join(",", group.services());
            ContextUploader.Uploaded context;
            try {
                context = uploader.upload(bootstrap.artifactBucket(), settings.project(), group.first(),
                        group.context(), group.dockerfile());
            } catch (RuntimeException e) {
                if (Waiting.isInterrupt(e)) {
                    Thread.currentThread().interrupt();
                    throw FerryException.failed("interrupted while uploading the build context of " + label
                            + "; nothing was deployed", "run `ferry compose up --provider aws` again", null);
                }
                throw e;
            }
            stage = "the image build of " + label;
            String tag = CodeBuildRunner.tag(settings.project(), group.first(), context.hash());
            boolean present = builder.hasImage(bootstrap, tag);
            String uri = builder.ensureImage(bootstrap, label, tag, context);
            group.services().forEach(s -> {
                uris.put(s, uri);
                if (!present) {
                    built.put(s, tag);
                }
            });
        }
        return new Images(withPulledImages(compose, uris), built);
    }

    /** Adds the services that run a published image (image:); managed databases run none. */
    private static Map<String, String> withPulledImages(LoadedCompose compose, Map<String, String> built) {
        Map<String, String> uris = new LinkedHashMap<>();
        for (ComposeService service : compose.project().services()) {
            if (isManaged(service)) {
                continue;
            }
            String uri = built.getOrDefault(service.name(), service.image());
            if (uri == null) {
                throw FerryException.badInput(compose.file().getFileName().toString(),
                        compose.tree().lineOf(List.of("services", service.name())),
                        "service " + service.name() + " has neither image: nor build:", "add one of them");
            }
            uris.put(service.name(), uri);
        }
        return uris;
    }

    private DeploymentPlan changes(LoadedCompose compose, Optional<StackState> existing, Images images,
                                   boolean release) {
        List<Change> changes = new ArrayList<>();
        Map<String, String> current = existing.map(StackState::parameters).orElse(Map.of());
        for (ComposeService service : LocalDeployment.startOrder(compose)) {
            String name = service.name();
            String build = images.built().containsKey(name) ? "; CodeBuild builds " + images.built().get(name) : "";
            if (isManaged(service)) {
                changes.add(new Change(name, existing.isEmpty() ? Action.CREATE : Action.KEEP,
                        (ComposeRules.isManagedPostgres(service) ? "managed PostgreSQL (RDS)" : "managed Redis (ElastiCache)")
                                + " in stack " + settings.appStackName()));
            } else if (ComposeRules.isRunOnce(service)) {
                changes.add(release ? new Change(name, Action.RUN, "one-off ECS task before the services update" + build)
                        : new Change(name, Action.KEEP, "nothing to release" + build));
            } else if (existing.isEmpty()) {
                changes.add(new Change(name, Action.CREATE, "new ECS service in stack " + settings.appStackName() + build));
            } else if (!images.uris().get(name).equals(current.get(LogicalIds.imageParameter(name)))
                    || !"true".equals(current.getOrDefault(AppStackOutputs.SERVICES_ENABLED_PARAMETER, "true"))) {
                changes.add(new Change(name, Action.RECREATE, "rolling update to " + tagOf(images.uris().get(name)) + build));
            } else {
                changes.add(new Change(name, Action.KEEP, "image unchanged" + build));
            }
        }
        return new DeploymentPlan(changes);
    }

    private ReleaseTask.Spec releaseSpec(ComposeService service, StackState stack) {
        Map<String, String> out = stack.outputs();
        String assign = out.get(AppStackOutputs.TASK_ASSIGN_PUBLIC_IP);
        boolean publicIp = assign != null ? assign.equals("ENABLED")
                : settings.provider().mode() == DeploymentMode.AFFORDABLE;
        List<String> subnets = Arrays.stream(output(stack, AppStackOutputs.PRIVATE_SUBNETS).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new ReleaseTask.Spec(service.name(), output(stack, AppStackOutputs.CLUSTER),
                output(stack, AppStackOutputs.TASK_DEFINITION_PREFIX + LogicalIds.of(service.name())), subnets,
                output(stack, AppStackOutputs.TASK_SECURITY_GROUP), publicIp, output(stack, AppStackOutputs.LOG_GROUP));
    }

    private static String output(StackState stack, String key) {
        String value = stack.outputs().get(key);
        if (value == null || value.isBlank()) {
            throw FerryException.failed("stack " + stack.name() + " has no output " + key,
                    "the stack was changed outside ferry; run up again to restore it", null);
        }
        return value;
    }

    /** Each service's state after the deploy: running/desired tasks, or the managed database's endpoint. */
    private void reportServices(LoadedCompose compose, StackState stack) {
        Map<String, String> byEcsName = new LinkedHashMap<>();
        for (ComposeService service : compose.project().services()) {
            String id = LogicalIds.of(service.name());
            Optional.ofNullable(stack.outputs().get(AppStackOutputs.SERVICE_PREFIX + id))
                    .ifPresent(ecsName -> byEcsName.put(ecsName, service.name()));
            Optional.ofNullable(stack.outputs().get(AppStackOutputs.ENDPOINT_PREFIX + id))
                    .ifPresent(endpoint -> events.emit(new FerryEvent.Status(service.name(), "available at " + endpoint)));
        }
        String cluster = stack.outputs().get(AppStackOutputs.CLUSTER);
        if (byEcsName.isEmpty() || cluster == null) {
            return;
        }
        List<String> names = new ArrayList<>(byEcsName.keySet());
        for (int from = 0; from < names.size(); from += 10) { // DescribeServices takes at most 10 services
            List<String> batch = names.subList(from, Math.min(names.size(), from + 10));
            clients.ecs().describeServices(b -> b.cluster(cluster).services(batch)).services().forEach(s ->
                    events.emit(new FerryEvent.Status(byEcsName.getOrDefault(s.serviceName(), s.serviceName()),
                            "running " + s.runningCount() + "/" + s.desiredCount())));
        }
    }

    private List<UpResult.Endpoint> endpoints(LoadedCompose compose, StackState stack) {
        String url = stack.outputs().get(AppStackOutputs.URL);
        if (url == null || url.isBlank()) {
            return List.of();
        }
        String service = compose.project().services().stream().filter(s -> !s.ports().isEmpty())
                .map(ComposeService::name).findFirst().orElse(settings.project());
        return List.of(new UpResult.Endpoint(service, url));
    }

    private StackRequest request(String body, List<StackParameter> parameters, BootstrapOutputs bootstrap) {
        return new StackRequest(settings.appStackName(), body, parameters,
                Map.of("ferry:managed", "true", "ferry:project", settings.project(),
                        "ferry:stack", settings.provider().stack()),
                Optional.of(bootstrap.artifactBucket()));
    }

    /** up refuses, naming every missing value, before anything is uploaded or built. */
    static void requireConfig(LoadedCompose compose, SortedSet<String> stored) {
        SortedSet<String> missing = new TreeSet<>(compose.neededConfig());
        missing.removeAll(stored);
        if (!missing.isEmpty()) {
            // the place is the first missing name's first use, as the local deployment's target resolver names it
            String first = missing.first();
            LoadedCompose.ConfigUse use = compose.firstUse(first).orElse(new LoadedCompose.ConfigUse("", 0));
            String where = use.service().isEmpty() ? "" : " (" + (missing.size() == 1 ? "" : first + " ")
                    + "needed by service " + use.service() + " here)";
            throw FerryException.badInput(compose.file().getFileName().toString(), use.line(),
                    "no value in the aws config store for " + String.join(", ", missing) + where,
                    (missing.size() == 1 ? "set it with `ferry config set --provider aws " + missing.first() + "`"
                            : "set each with `ferry config set --provider aws NAME`") + ", or copy secrets from"
                            + " Heroku with `ferry config import --provider aws --from heroku --app APP`");
        }
    }

    private static Set<String> parameterNames(ObjectNode template) {
        Set<String> names = new LinkedHashSet<>();
        if (template.get("Parameters") instanceof ObjectNode parameters) {
            parameters.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static Optional<BootstrapOutputs> readable(Map<String, String> outputs) {
        try {
            return Optional.of(BootstrapOutputs.from(outputs));
        } catch (FerryException e) {
            return Optional.empty();
        }
    }

    private static boolean isManaged(ComposeService service) {
        return TwoPhaseUpdate.isManaged(service);
    }

    private static boolean isReview(StackState state) {
        return state.status().equals("REVIEW_IN_PROGRESS");
    }

    private static String tagOf(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static String shortReason(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    static String pretty(ObjectNode template) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(template) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a template tree always serialises", e);
        }
    }
}
