package dev.ferry.provider.aws.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.Finding;
import dev.ferry.compose.ComposeService;
import dev.ferry.compose.load.ComposeRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The ECS cluster, an ECS service per long-running compose service (run-once services get none: the deployer runs
 * them as one-off tasks), Service Connect so that {@code http://worker:PORT} resolves as in compose, and the
 * application load balancer in front of the services that publish a port (HTTPS with an ACM certificate when the
 * stack has a domain).
 */
final class ServiceResources {

    static final String CLUSTER = "Cluster";
    static final String LOAD_BALANCER = "LoadBalancer";
    static final String LOAD_BALANCER_SECURITY_GROUP = "LoadBalancerSecurityGroup";
    static final String CERTIFICATE = "Certificate";
    static final String SERVICES_ENABLED_CONDITION = "ServicesEnabledOn";

    private ServiceResources() {
    }

    static String serviceId(ComposeService service) {
        return AppStackOutputs.SERVICE_PREFIX + LogicalIds.of(service.name());
    }

    static String targetGroupId(ComposeService service) {
        return "TargetGroup" + LogicalIds.of(service.name());
    }

    static void add(AppModel model, ObjectNode resources) {
        cluster(model, resources);
        Map<String, List<String>> listeners = loadBalancer(model, resources);
        for (ComposeService service : model.longRunning()) {
            service(model, resources, service, listeners.getOrDefault(service.name(), List.of()));
        }
        for (Map.Entry<String, TreeSet<Integer>> server : model.discoveryPorts.entrySet()) {
            for (int port : server.getValue()) {
                NetworkResources.taskIngress(resources, "TaskIngressFromTasks" + port + LogicalIds.of(server.getKey()),
                        NetworkResources.TASK_SECURITY_GROUP, port, "service to service: " + server.getKey());
            }
        }
    }

    private static void cluster(AppModel model, ObjectNode resources) {
        ObjectNode cluster = Cfn.resource(resources, CLUSTER, "AWS::ECS::Cluster");
        cluster.set("CapacityProviders", Cfn.strings(List.of("FARGATE", "FARGATE_SPOT")));
        cluster.putArray("DefaultCapacityProviderStrategy").addObject()
                .put("CapacityProvider", model.mode.capacityProvider()).put("Weight", 1);
        if (model.serviceConnect()) {
            // ECS creates this HTTP namespace in Cloud Map; it outlives the stack (delete it by hand if unused)
            cluster.putObject("ServiceConnectDefaults").put("Namespace", model.namespace());
        }
        cluster.set("Tags", Cfn.tags("ferry:stack", model.input.settings().appStackName()));
    }

    /** The load balancer and its listeners; returns service → the listeners its ECS service waits for. */
    private static Map<String, List<String>> loadBalancer(AppModel model, ObjectNode resources) {
        Map<String, List<String>> waits = new java.util.LinkedHashMap<>();
        if (model.published.isEmpty()) {
            return waits;
        }
        Optional<String> domain = model.input.settings().provider().domain();
        String primary = model.published.containsKey("web") ? "web" : model.published.keySet().iterator().next();
        List<Integer> openPorts = new ArrayList<>(List.of(80));
        domain.ifPresent(d -> openPorts.add(443));
        for (Map.Entry<String, AppModel.Published> e : model.published.entrySet()) {
            int port = e.getValue().listenerPort();
            if (!e.getKey().equals(primary)) {
                if (openPorts.contains(port)) {
                    model.findings.add(Finding.warning(AwsFindings.PORT_CONFLICT, "service " + e.getKey(),
                            "publishes port " + port + ", which the load balancer already serves; left off it"));
                    continue;
                }
                openPorts.add(port);
            }
            waits.put(e.getKey(), new ArrayList<>());
        }
        String stack = model.input.settings().appStackName();
        ObjectNode group = Cfn.resource(resources, LOAD_BALANCER_SECURITY_GROUP, "AWS::EC2::SecurityGroup");
        group.put("GroupDescription", "ferry " + stack + ": the load balancer");
        group.set("VpcId", Cfn.ref(NetworkResources.VPC));
        ArrayNode ingress = group.putArray("SecurityGroupIngress");
        for (int port : openPorts) {
            ingress.addObject().put("IpProtocol", "tcp").put("FromPort", port).put("ToPort", port)
                    .put("CidrIp", "0.0.0.0/0").put("Description", "the internet");
        }
        ObjectNode lb = Cfn.resource(resources, LOAD_BALANCER, "AWS::ElasticLoadBalancingV2::LoadBalancer");
        lb.put("Type", "application").put("Scheme", "internet-facing");
        lb.set("Subnets", NetworkResources.publicSubnets());
        lb.set("SecurityGroups", Cfn.nodes(Cfn.getAtt(LOAD_BALANCER_SECURITY_GROUP, "GroupId")));
        ((ObjectNode) resources.get(LOAD_BALANCER)).put("DependsOn", "InternetGatewayAttachment");
        domain.ifPresent(d -> {
            ObjectNode cert = Cfn.resource(resources, CERTIFICATE, "AWS::CertificateManager::Certificate");
            cert.put("DomainName", d).put("ValidationMethod", "DNS");
        });
        for (String service : waits.keySet()) {
            ComposeService s = model.input.compose().project().service(service);
            AppModel.Published published = model.published.get(service);
            targetGroup(resources, s, published.containerPort());
            NetworkResources.taskIngress(resources, "TaskIngressFromLoadBalancer" + published.containerPort()
                    + LogicalIds.of(service), LOAD_BALANCER_SECURITY_GROUP, published.containerPort(),
                    "the load balancer to " + service);
            String tg = targetGroupId(s);
            String id = LogicalIds.of(service);
            if (service.equals(primary)) {
                if (domain.isPresent()) {
                    listener(resources, "HttpListener", 80, redirectToHttps(), false);
                    listener(resources, "HttpsListener", 443, forward(tg), true);
                    waits.get(service).addAll(List.of("HttpListener", "HttpsListener"));
                } else {
                    listener(resources, "HttpListener", 80, forward(tg), false);
                    waits.get(service).add("HttpListener");
                }
            } else {
                String listenerId = "Listener" + published.listenerPort() + id;
                listener(resources, listenerId, published.listenerPort(), forward(tg), domain.isPresent());
                waits.get(service).add(listenerId);
            }
        }
        return waits;
    }

    private static void targetGroup(ObjectNode resources, ComposeService service, int port) {
        ObjectNode tg = Cfn.resource(resources, targetGroupId(service), "AWS::ElasticLoadBalancingV2::TargetGroup");
        tg.put("TargetType", "ip").put("Protocol", "HTTP").put("Port", port);
        tg.set("VpcId", Cfn.ref(NetworkResources.VPC));
        tg.put("HealthCheckPath", TaskDefinitions.healthCheckPath(service));
        tg.put("HealthCheckIntervalSeconds", 15).put("HealthyThresholdCount", 2).put("UnhealthyThresholdCount", 3);
        tg.putObject("Matcher").put("HttpCode", "200-399");
        tg.putArray("TargetGroupAttributes").addObject().put("Key", "deregistration_delay.timeout_seconds")
                .put("Value", "30");
    }

    private static ObjectNode forward(String targetGroup) {
        ObjectNode action = Cfn.object().put("Type", "forward");
        action.set("TargetGroupArn", Cfn.ref(targetGroup));
        return action;
    }

    private static ObjectNode redirectToHttps() {
        ObjectNode action = Cfn.object().put("Type", "redirect");
        action.putObject("RedirectConfig").put("Protocol", "HTTPS").put("Port", "443").put("StatusCode", "HTTP_301");
        return action;
    }

    private static void listener(ObjectNode resources, String id, int port, ObjectNode action, boolean https) {
        ObjectNode l = Cfn.resource(resources, id, "AWS::ElasticLoadBalancingV2::Listener");
        l.set("LoadBalancerArn", Cfn.ref(LOAD_BALANCER));
        l.put("Port", port).put("Protocol", https ? "HTTPS" : "HTTP");
        if (https) {
            l.putArray("Certificates").addObject().set("CertificateArn", Cfn.ref(CERTIFICATE));
            l.put("SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06");
        }
        l.putArray("DefaultActions").add(action);
    }

    private static void service(AppModel model, ObjectNode resources, ComposeService service, List<String> listeners) {
        String id = serviceId(service);
        ObjectNode p = Cfn.resource(resources, id, "AWS::ECS::Service");
        if (!listeners.isEmpty()) {
            ArrayNode dependsOn = ((ObjectNode) resources.get(id)).putArray("DependsOn");
            listeners.forEach(dependsOn::add);
        }
        p.set("Cluster", Cfn.ref(CLUSTER));
        p.set("TaskDefinition", Cfn.ref(TaskDefinitions.logicalId(service)));
        int replicas = ComposeRules.replicas(service);
        int desired = replicas == 0 ? 0 : Math.max(replicas, model.mode.minTasks());
        p.set("DesiredCount", desired == 0 ? IntNode.valueOf(0)
                : Cfn.ifCondition(SERVICES_ENABLED_CONDITION, IntNode.valueOf(desired), IntNode.valueOf(0)));
        p.putArray("CapacityProviderStrategy").addObject().put("CapacityProvider", model.mode.capacityProvider())
                .put("Weight", 1);
        ObjectNode network = p.putObject("NetworkConfiguration").putObject("AwsvpcConfiguration");
        network.put("AssignPublicIp", model.mode.tasksInPublicSubnets() ? "ENABLED" : "DISABLED");
        network.set("Subnets", NetworkResources.taskSubnets(model));
        network.set("SecurityGroups", Cfn.nodes(Cfn.getAtt(NetworkResources.TASK_SECURITY_GROUP, "GroupId")));
        AppModel.Published published = model.published.get(service.name());
        if (published != null && !listeners.isEmpty()) {
            ObjectNode lb = p.putArray("LoadBalancers").addObject();
            lb.put("ContainerName", service.name()).put("ContainerPort", published.containerPort());
            lb.set("TargetGroupArn", Cfn.ref(targetGroupId(service)));
            int grace = service.healthcheck() == null ? 60
                    : Math.max(60, TaskDefinitions.seconds(service.healthcheck().startPeriod(), 0));
            p.put("HealthCheckGracePeriodSeconds", grace);
        }
        ObjectNode deployment = p.putObject("DeploymentConfiguration");
        deployment.put("MaximumPercent", 200).put("MinimumHealthyPercent", 100);
        deployment.putObject("DeploymentCircuitBreaker").put("Enable", true).put("Rollback", true);
        if (model.serviceConnect()) {
            ObjectNode connect = p.putObject("ServiceConnectConfiguration").put("Enabled", true)
                    .put("Namespace", model.namespace());
            TreeSet<Integer> ports = model.discoveryPorts.get(service.name());
            if (ports != null) {
                ArrayNode served = connect.putArray("Services");
                for (int port : ports) {
                    ObjectNode s = served.addObject().put("PortName", TaskDefinitions.portName(service, port));
                    s.put("DiscoveryName", ports.size() == 1 ? service.name() : TaskDefinitions.portName(service, port));
                    s.putArray("ClientAliases").addObject().put("Port", port).put("DnsName", service.name());
                }
            }
        }
        p.put("EnableECSManagedTags", true).put("PropagateTags", "SERVICE");
        p.set("Tags", Cfn.tags("ferry:service", service.name()));
    }
}
