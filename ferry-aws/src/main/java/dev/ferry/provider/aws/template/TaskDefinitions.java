package dev.ferry.provider.aws.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ferry.Finding;
import dev.ferry.compose.ComposeService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Fargate task definition per service that runs an image, the log group they write to and the role ECS starts
 * them with. Config values are never in the template: a config name becomes an ECS secret whose ValueFrom is its
 * SSM parameter's ARN (or, for a managed database's password, its Secrets Manager secret's "password" key). A value
 * that embeds config names in other text (DATABASE_URL = postgres://user:${POSTGRES_PASSWORD}@postgres:5432/db) is
 * composed when the container starts: the entrypoint becomes /bin/sh exporting it from the injected secrets, then
 * exec-ing the service's own entrypoint and command.
 */
final class TaskDefinitions {

    static final String LOG_GROUP = "LogGroup";
    static final String EXECUTION_ROLE = "TaskExecutionRole";

    private TaskDefinitions() {
    }

    static String logicalId(ComposeService service) {
        return AppStackOutputs.TASK_DEFINITION_PREFIX + LogicalIds.of(service.name());
    }

    static void add(AppModel model, ObjectNode resources) {
        AwsNames names = new AwsNames(model.input);
        ObjectNode logs = Cfn.resource(resources, LOG_GROUP, "AWS::Logs::LogGroup");
        logs.put("LogGroupName", names.logGroup());
        logs.put("RetentionInDays", model.mode.logRetentionDays());
        executionRole(model, resources, names);
        for (ComposeService service : model.runnable) {
            taskDefinition(model, resources, service, names);
        }
    }

    private static void executionRole(AppModel model, ObjectNode resources, AwsNames names) {
        ObjectNode role = Cfn.resource(resources, EXECUTION_ROLE, "AWS::IAM::Role");
        role.set("AssumeRolePolicyDocument", BootstrapTemplate.assumeRole("ecs-tasks.amazonaws.com"));
        ObjectNode policy = role.putArray("Policies").addObject();
        policy.put("PolicyName", "ferry-task-execution");
        ObjectNode document = policy.putObject("PolicyDocument").put("Version", "2012-10-17");
        ArrayNode statements = document.putArray("Statement");
        // a log group's Arn attribute already ends in ":*", which covers its streams
        BootstrapTemplate.statement(statements, List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                Cfn.getAtt(LOG_GROUP, "Arn"));
        boolean built = model.runnable.stream().anyMatch(s -> s.build() != null);
        // a managed database may be filled by `ferry data migrate --to aws`, whose mover image is in the same repository
        boolean mover = !model.postgres.isEmpty() || !model.redis.isEmpty();
        if (built || mover) {
            BootstrapTemplate.statement(statements, List.of("ecr:GetAuthorizationToken"), TextNode.valueOf("*"));
            BootstrapTemplate.statement(statements, List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage",
                    "ecr:GetDownloadUrlForLayer"), Cfn.sub(names.repositoryArn()));
        }
        BootstrapTemplate.statement(statements, List.of("ssm:GetParameters"), Cfn.sub(names.parameterArn("*")));
        ObjectNode decrypt = statements.addObject();
        decrypt.put("Effect", "Allow").put("Action", "kms:Decrypt");
        decrypt.set("Resource", Cfn.sub("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*"));
        decrypt.putObject("Condition").putObject("StringEquals").set("kms:ViaService",
                Cfn.sub("ssm.${AWS::Region}.amazonaws.com"));
        if (!model.postgres.isEmpty()) {
            List<JsonNode> secrets = new ArrayList<>();
            model.postgres.forEach(p -> secrets.add(Cfn.ref(LogicalIds.of(p.name()) + "Secret")));
            BootstrapTemplate.statement(statements, List.of("secretsmanager:GetSecretValue"),
                    secrets.toArray(JsonNode[]::new));
        }
    }

    private static void taskDefinition(AppModel model, ObjectNode resources, ComposeService service, AwsNames names) {
        String id = logicalId(service);
        ObjectNode p = Cfn.resource(resources, id, "AWS::ECS::TaskDefinition");
        p.put("Family", names.family(service.name()));
        p.set("RequiresCompatibilities", Cfn.strings(List.of("FARGATE")));
        p.put("NetworkMode", "awsvpc");
        FargateSize size = size(model, service);
        p.put("Cpu", String.valueOf(size.cpu())).put("Memory", String.valueOf(size.memory()));
        p.set("ExecutionRoleArn", Cfn.getAtt(EXECUTION_ROLE, "Arn"));
        p.putObject("RuntimePlatform").put("CpuArchitecture", "X86_64").put("OperatingSystemFamily", "LINUX");
        ObjectNode c = p.putArray("ContainerDefinitions").addObject();
        c.put("Name", service.name());
        c.set("Image", Cfn.ref(LogicalIds.imageParameter(service.name())));
        c.put("Essential", true);

        Map<String, JsonNode> environment = new LinkedHashMap<>();
        Map<String, JsonNode> secrets = new LinkedHashMap<>();
        Map<String, EnvText> composed = new LinkedHashMap<>();
        TreeSet<String> referenced = new TreeSet<>();
        for (ComposeService.EnvEntry entry : service.environment()) {
            if (entry.isBare()) {
                secrets.put(entry.name(), valueFrom(model, names, entry.name(), referenced));
                continue;
            }
            EnvText text = EnvText.parse(entry.value(), model.hosts);
            if (!text.hasConfig()) {
                environment.put(entry.name(), text.asValue());
            } else if (text.soleConfig().isPresent()) {
                secrets.put(entry.name(), valueFrom(model, names, text.soleConfig().get(), referenced));
            } else {
                composed.put(entry.name(), text);
            }
        }
        List<String> entrypoint = words(model, names, service.entrypoint(), secrets, referenced);
        List<String> command = words(model, names, service.command(), secrets, referenced);
        if (!composed.isEmpty() && entrypoint.isEmpty() && command.isEmpty()) {
            model.findings.add(Finding.warning(AwsFindings.COMPOSED_ENV_WITHOUT_COMMAND, "service " + service.name(),
                    String.join(", ", composed.keySet()) + " combine config names with other text; ferry composes "
                            + "them in a shell before the command, but the service names no command: give it one "
                            + "(the image's CMD) in compose.yaml"));
            composed.clear();
        }
        composed.values().forEach(t -> t.configNames().forEach(n -> secrets.computeIfAbsent(n,
                k -> valueFrom(model, names, k, referenced))));
        if (!composed.isEmpty()) {
            List<EnvText> script = new ArrayList<>();
            composed.forEach((name, text) -> {
                script.add(EnvText.literal("export " + name + "="));
                script.add(text.asShellWord());
                script.add(EnvText.literal("; "));
            });
            script.add(EnvText.literal("exec \"$@\""));
            ArrayNode wrapper = c.putArray("EntryPoint").add("/bin/sh").add("-c");
            wrapper.add(EnvText.concat(script).asValue()).add("sh");
            ArrayNode args = c.putArray("Command");
            entrypoint.forEach(args::add);
            command.forEach(args::add);
        } else {
            if (!entrypoint.isEmpty()) {
                c.set("EntryPoint", Cfn.strings(entrypoint));
            }
            if (!command.isEmpty()) {
                c.set("Command", Cfn.strings(command));
            }
        }
        ObjectNode health = healthCheck(model, names, service, secrets, referenced);
        if (!environment.isEmpty()) {
            ArrayNode env = c.putArray("Environment");
            environment.forEach((name, value) -> env.addObject().put("Name", name).set("Value", value));
        }
        if (!secrets.isEmpty()) {
            ArrayNode out = c.putArray("Secrets");
            secrets.forEach((name, from) -> out.addObject().put("Name", name).set("ValueFrom", from));
        }
        ports(model, service, c);
        if (health != null) {
            c.set("HealthCheck", health);
        }
        ObjectNode log = c.putObject("LogConfiguration").put("LogDriver", "awslogs");
        log.putObject("Options").put("awslogs-group", names.logGroup()).set("awslogs-region", Cfn.ref("AWS::Region"));
        ((ObjectNode) log.get("Options")).put("awslogs-stream-prefix", service.name());
        ((ObjectNode) resources.get(id)).put("DependsOn", LOG_GROUP);
        referenced.stream().filter(n -> !model.input.configNames().contains(n) && !model.databasePasswords.containsKey(n))
                .forEach(n -> model.findings.add(Finding.warning(AwsFindings.CONFIG_NOT_SET, "config " + n,
                        "service " + service.name() + " reads it, but it is not set under "
                                + model.input.settings().parameterPrefix() + ": run ferry config set " + n
                                + " --provider aws before up")));
    }

    /** Words of a command: $$ is a literal $; ${NAME} stays for the shell, NAME injected as a secret. */
    private static List<String> words(AppModel model, AwsNames names, List<String> words, Map<String, JsonNode> secrets,
                                      TreeSet<String> referenced) {
        List<String> out = new ArrayList<>();
        for (String word : words) {
            EnvText text = EnvText.parse(word, Map.of());
            text.configNames().forEach(n -> secrets.computeIfAbsent(n, k -> valueFrom(model, names, k, referenced)));
            out.add(text.asValue().asText());
        }
        return out;
    }

    private static JsonNode valueFrom(AppModel model, AwsNames names, String configName, TreeSet<String> referenced) {
        referenced.add(configName);
        String databaseSecret = model.databasePasswords.get(configName);
        return Cfn.sub(databaseSecret != null ? databaseSecret : names.parameterArn(configName));
    }

    private static void ports(AppModel model, ComposeService service, ObjectNode container) {
        TreeSet<Integer> ports = new TreeSet<>(model.discoveryPorts.getOrDefault(service.name(), new TreeSet<>()));
        AppModel.Published published = model.published.get(service.name());
        if (published != null) {
            ports.add(published.containerPort());
        }
        if (ports.isEmpty()) {
            return;
        }
        ArrayNode mappings = container.putArray("PortMappings");
        for (int port : ports) {
            mappings.addObject().put("Name", portName(service, port)).put("ContainerPort", port).put("Protocol", "tcp");
        }
    }

    static String portName(ComposeService service, int port) {
        return service.name().toLowerCase(java.util.Locale.ROOT) + "-" + port;
    }

    private static ObjectNode healthCheck(AppModel model, AwsNames names, ComposeService service,
                                          Map<String, JsonNode> secrets, TreeSet<String> referenced) {
        ComposeService.Healthcheck h = service.healthcheck();
        if (h == null || h.test().isEmpty() || !List.of("CMD", "CMD-SHELL").contains(h.test().get(0))) {
            return null;
        }
        ObjectNode check = Cfn.object();
        ArrayNode command = check.putArray("Command").add(h.test().get(0));
        words(model, names, h.test().subList(1, h.test().size()), secrets, referenced).forEach(command::add);
        check.put("Interval", clamp(seconds(h.interval(), 30), 5, 300));
        check.put("Timeout", clamp(seconds(h.timeout(), 5), 2, 60));
        check.put("Retries", clamp(h.retries() == null ? 3 : h.retries(), 1, 10));
        check.put("StartPeriod", clamp(seconds(h.startPeriod(), 0), 0, 300));
        return check;
    }

    /** The load balancer's health check path: the path of the healthcheck's http:// URL, else "/". */
    static String healthCheckPath(ComposeService service) {
        if (service.healthcheck() == null) {
            return "/";
        }
        String test = String.join(" ", service.healthcheck().test());
        Matcher m = Pattern.compile("https?://[^/\\s\"']+(/[^\\s\"'|;&)]*)?").matcher(test);
        if (m.find() && m.group(1) != null) {
            return EnvText.parse(m.group(1), Map.of()).asValue().asText();
        }
        return "/";
    }

    /** Compose durations ("1m30s", "10s", "500ms") in whole seconds. */
    static int seconds(String duration, int fallback) {
        if (duration == null || duration.isBlank()) {
            return fallback;
        }
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|ns)").matcher(duration);
        double total = 0;
        while (m.find()) {
            double n = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "h" -> n * 3600;
                case "m" -> n * 60;
                case "s" -> n;
                case "ms" -> n / 1000;
                default -> 0;
            };
        }
        return (int) Math.ceil(total);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** deploy.resources limits (else reservations, else mem_limit/cpus) rounded up to a Fargate size. */
    static FargateSize size(AppModel model, ComposeService service) {
        ComposeService.Deploy deploy = service.deploy();
        ComposeService.Resources r = deploy == null ? null : deploy.limits() != null ? deploy.limits() : deploy.reservations();
        if (r == null) {
            return FargateSize.DEFAULT;
        }
        int cpu = FargateSize.cpuUnits(r.cpus());
        int memory = FargateSize.memoryMiB(r.memory());
        return FargateSize.roundUp(cpu, memory).orElseGet(() -> {
            model.findings.add(Finding.warning(AwsFindings.SIZE_TOO_LARGE, "service " + service.name(),
                    "asks for more than Fargate's largest task (" + FargateSize.largest().cpu() / 1024 + " vCPU, "
                            + FargateSize.largest().memory() / 1024 + " GiB); the largest is used"));
            return FargateSize.largest();
        });
    }
}
