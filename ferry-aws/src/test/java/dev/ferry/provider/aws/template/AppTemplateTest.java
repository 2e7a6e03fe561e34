package dev.ferry.provider.aws.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.Finding;
import dev.ferry.provider.DeploymentMode;
import dev.ferry.provider.aws.testing.AppFixtures;
import dev.ferry.provider.aws.testing.TemplateValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviours of the app template on small compose files; each template is also validated in full. */
class AppTemplateTest {

    private static final String APP = """
            services:
              db:
                image: "postgres:16.4-alpine"
                environment:
                  POSTGRES_USER: shop
                  POSTGRES_DB: shop_db
                  POSTGRES_PASSWORD:
                x-defang-postgres: true
              cache:
                image: "valkey/valkey:8"
                x-defang-redis: true
              web:
                build: .
                command: ["/bin/sh", "-c", "exec server --port $$PORT"]
                ports: ["8080:3000"]
                environment:
                  PORT: "3000"
                  DATABASE_URL: "postgres://shop:${POSTGRES_PASSWORD}@db:5432/shop_db"
                  REDIS_URL: "redis://cache:6379"
                  API_KEY:
                  WORKER_URL: "http://worker:9000/jobs"
                healthcheck:
                  test: ["CMD-SHELL", "curl -fsS http://localhost:3000/healthz || exit 1"]
                  start_period: 90s
                deploy:
                  replicas: 3
                  resources: {limits: {cpus: "0.5", memory: 700M}}
              worker:
                build: .
                command: ["/bin/sh", "-c", "worker"]
                environment:
                  API_KEY: "${API_KEY}"
                deploy:
                  replicas: 0
              release:
                build: .
                command: ["/bin/sh", "-c", "migrate"]
                environment:
                  DATABASE_URL: "postgres://shop:${POSTGRES_PASSWORD}@db:5432/shop_db"
                restart: "no"
            """;

    @TempDir
    Path temp;

    private AppTemplate.Result build(String compose, DeploymentMode mode, Optional<String> domain) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("shop"));
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, compose);
        AppFixtures.Loaded loaded = AppFixtures.load(file);
        AppTemplate.Result result = AppTemplate.build(AppFixtures.input(loaded.compose(), mode, domain));
        assertThat(TemplateValidator.errors(result.template(), new TemplateValidator.Expectations(
                AppFixtures.requiredOutputs(loaded.compose()), loaded.canaries().values()))).isEmpty();
        return result;
    }

    private static JsonNode resource(AppTemplate.Result r, String id) {
        return r.template().path("Resources").path(id);
    }

    private static JsonNode container(AppTemplate.Result r, String service) {
        return resource(r, "TaskDefinition" + service).path("Properties").path("ContainerDefinitions").path(0);
    }

    private static String secretFrom(AppTemplate.Result r, String service, String name) {
        for (JsonNode s : container(r, service).path("Secrets")) {
            if (s.path("Name").asText().equals(name)) {
                return s.path("ValueFrom").toString();
            }
        }
        return null;
    }

    @Test
    void build_releaseService_taskDefinitionButNoEcsService() throws IOException {
        AppTemplate.Result r = build(APP, DeploymentMode.BALANCED, Optional.empty());
        assertThat(resource(r, "TaskDefinitionRelease").isMissingNode()).isFalse();
        assertThat(resource(r, "ServiceRelease").isMissingNode()).isTrue();
        assertThat(r.template().path("Outputs").has("TaskDefinitionRelease")).isTrue();
    }

    @Test
    void build_replicas_desiredCountBehindServicesEnabled() throws IOException {
        AppTemplate.Result r = build(APP, DeploymentMode.BALANCED, Optional.empty());
        assertThat(resource(r, "ServiceWeb").path("Properties").path("DesiredCount").toString())
                .isEqualTo("{\"Fn::If\":[\"ServicesEnabledOn\",3,0]}");
        assertThat(resource(r, "ServiceWorker").path("Properties").path("DesiredCount").asInt(-1)).isZero();
        assertThat(r.template().path("Parameters").path("ServicesEnabled").path("Default").asText()).isEqualTo("false");
        assertThat(r.imageParameters()).containsExactly("ImageWeb", "ImageWorker", "ImageRelease");
    }

    @Test
    void build_configNames_secretsFromSsmAndTheDatabaseSecret() throws IOException {
        AppTemplate.Result r = build(APP, DeploymentMode.BALANCED, Optional.empty());
        assertThat(secretFrom(r, "Web", "API_KEY")).contains("parameter/ferry/shop/beta/API_KEY");
        assertThat(secretFrom(r, "Worker", "API_KEY")).contains("parameter/ferry/shop/beta/API_KEY");
        assertThat(secretFrom(r, "Web", "POSTGRES_PASSWORD")).contains("${DbSecret}:password::");
        assertThat(container(r, "Web").path("Environment").toString()).doesNotContain("API_KEY");
    }

    @Test
    void build_managedDatabases_outputsAndGrantsTheDataMoverNeeds() throws IOException {
        AppTemplate.Result r = build(APP, DeploymentMode.BALANCED, Optional.empty());
        JsonNode outputs = r.template().path("Outputs");
        assertThat(outputs.path("DatabaseSecretDb").path("Value").toString()).isEqualTo("{\"Ref\":\"DbSecret\"}");
        assertThat(outputs.path("DatabaseUserDb").path("Value").asText()).isEqualTo("shop");
        assertThat(outputs.path("DatabaseNameDb").path("Value").asText()).isEqualTo("shop_db");
        assertThat(outputs.path("TaskExecutionRoleArn").path("Value").toString())
                .isEqualTo("{\"Fn::GetAtt\":[\"TaskExecutionRole\",\"Arn\"]}");
        assertThat(outputs.has("DatabaseSecretCache")).as("ElastiCache has no password").isFalse();
        String policy = resource(r, "TaskExecutionRole").path("Properties").path("Policies").toString();
        // the mover's source URL parameter /ferry/shop/beta/mover/SERVICE/source-url falls under the stack's prefix
        assertThat(policy).contains("\"ssm:GetParameters\"").contains("parameter/ferry/shop/beta/*")
                .contains("\"secretsmanager:GetSecretValue\"").contains("{\"Ref\":\"DbSecret\"}");
    }

    @Test
    void build_managedDatabaseWithoutBuiltServices_executionRoleStillPullsFromTheRepository() throws IOException {
        AppTemplate.Result r = build("""
                services:
                  web:
                    image: nginx:1.27
                  db:
                    image: postgres:17
                    x-defang-postgres: true
                """, DeploymentMode.AFFORDABLE, Optional.empty());
        String policy = resource(r, "TaskExecutionRole").path("Properties").path("Policies").toString();
        assertThat(policy).contains("ecr:BatchGetImage").contains("ecr:GetAuthorizationToken");
    }

    @Test
    void build_databaseUrl_composedAtStartWithTheRdsAddress() throws IOException {
        AppTemplate.Result r = build(APP, DeploymentMode.BALANCED, Optional.empty());
        JsonNode web = container(r, "Web");
        assertThat(web.path("EntryPoint").toString()).contains(
                "export DATABASE_URL=\\\"postgres://shop:${!POSTGRES_PASSWORD}@${DbDatabase.Endpoint.Address}:5432/shop_db\\\"; exec \\\"$@\\\"");
        assertThat(web.path("Command").toString()).isEqualTo("[\"/bin/sh\",\"-c\",\"exec server --port $PORT\"]");
        assertThat(web.path("Environment").toString())
                .contains("{\"Name\":\"REDIS_URL\",\"Value\":{\"Fn::Sub\":\"redis://${CacheCache.PrimaryEndPoint.Address}:6379\"}}")
                .contains("{\"Name\":\"WORKER_URL\",\"Value\":\"http://worker:9000/jobs\"}");
        JsonNode db = resource(r, "DbDatabase").path("Properties");
        assertThat(db.path("EngineVersion").asText()).isEqualTo("16");
        assertThat(db.path("DBName").asText()).isEqualTo("shop_db");
        assertThat(db.path("MasterUsername").asText()).isEqualTo("shop");
        assertThat(db.path("MasterUserPassword").toString()).contains("{{resolve:secretsmanager:${DbSecret}:SecretString:password}}");
    }

    @Test
    void build_valkeyImage_valkeyEngine() throws IOException {
        JsonNode cache = resource(build(APP, DeploymentMode.AFFORDABLE, Optional.empty()), "CacheCache").path("Properties");
        assertThat(cache.path("Engine").asText()).isEqualTo("valkey");
        assertThat(cache.path("EngineVersion").asText()).isEqualTo("8.0");
    }

    @Test
    void build_serviceNamedByOthers_serviceConnectOnItsPort() throws IOException {
        AppTemplate.Result r = build(APP, DeploymentMode.BALANCED, Optional.empty());
        assertThat(resource(r, "ServiceWorker").path("Properties").path("ServiceConnectConfiguration").toString())
                .contains("\"PortName\":\"worker-9000\"").contains("\"DnsName\":\"worker\"");
        assertThat(resource(r, "Cluster").path("Properties").path("ServiceConnectDefaults").path("Namespace").asText())
                .isEqualTo("ferry-shop-beta.local");
        assertThat(resource(r, "TaskIngressFromTasks9000Worker").isMissingNode()).isFalse();
    }

    @Test
    void build_publishedPort_targetGroupWithHealthPathAndFargateSize() throws IOException {
        AppTemplate.Result r = build(APP, DeploymentMode.BALANCED, Optional.empty());
        JsonNode tg = resource(r, "TargetGroupWeb").path("Properties");
        assertThat(tg.path("Port").asInt()).isEqualTo(3000);
        assertThat(tg.path("HealthCheckPath").asText()).isEqualTo("/healthz");
        JsonNode td = resource(r, "TaskDefinitionWeb").path("Properties");
        assertThat(td.path("Cpu").asText() + "/" + td.path("Memory").asText()).isEqualTo("512/1024");
        assertThat(resource(r, "ServiceWeb").path("Properties").path("HealthCheckGracePeriodSeconds").asInt()).isEqualTo(90);
        assertThat(r.template().path("Outputs").path("Url").toString()).contains("http://${LoadBalancer.DNSName}");
    }

    @Test
    void build_domain_httpsWithRedirect() throws IOException {
        AppTemplate.Result r = build(APP, DeploymentMode.BALANCED, Optional.of("shop.example.com"));
        assertThat(resource(r, "Certificate").path("Properties").toString())
                .contains("\"DomainName\":\"shop.example.com\"").contains("\"ValidationMethod\":\"DNS\"");
        assertThat(resource(r, "HttpListener").path("Properties").path("DefaultActions").toString())
                .contains("redirect").contains("HTTPS").contains("HTTP_301");
        assertThat(resource(r, "HttpsListener").path("Properties").path("Protocol").asText()).isEqualTo("HTTPS");
        assertThat(r.template().path("Outputs").path("Url").path("Value").asText()).isEqualTo("https://shop.example.com");
    }

    @Test
    void build_affordable_spotPublicSubnetsNoNatNoSnapshots() throws IOException {
        AppTemplate.Result r = build(APP, DeploymentMode.AFFORDABLE, Optional.empty());
        JsonNode web = resource(r, "ServiceWeb").path("Properties");
        assertThat(web.path("CapacityProviderStrategy").toString()).contains("FARGATE_SPOT");
        assertThat(web.path("NetworkConfiguration").toString()).contains("ENABLED").contains("PublicSubnet1");
        assertThat(resource(r, "NatGateway1").isMissingNode()).isTrue();
        assertThat(resource(r, "DbDatabase").path("DeletionPolicy").asText()).isEqualTo("Delete");
        assertThat(resource(r, "LogGroup").path("Properties").path("RetentionInDays").asInt()).isEqualTo(7);
        assertThat(r.template().path("Outputs").path("TaskAssignPublicIp").path("Value").asText()).isEqualTo("ENABLED");
    }

    @Test
    void build_highAvailability_resilientEverywhere() throws IOException {
        AppTemplate.Result r = build(APP, DeploymentMode.HIGH_AVAILABILITY, Optional.empty());
        assertThat(resource(r, "NatGateway2").isMissingNode()).isFalse();
        JsonNode db = resource(r, "DbDatabase");
        assertThat(db.path("DeletionPolicy").asText()).isEqualTo("Snapshot");
        assertThat(db.path("Properties").path("MultiAZ").asBoolean()).isTrue();
        assertThat(db.path("Properties").path("DeletionProtection").asBoolean()).isTrue();
        assertThat(resource(r, "CacheCache").path("Properties").path("NumCacheClusters").asInt()).isEqualTo(2);
        assertThat(resource(r, "DbSecret").path("DeletionPolicy").asText()).isEqualTo("Retain");
        assertThat(resource(r, "ServiceWeb").path("Properties").path("NetworkConfiguration").toString())
                .contains("DISABLED").contains("PrivateSubnet1");
    }

    @Test
    void build_unsupportedFeatures_findingsWithStableCodes() throws IOException {
        String compose = """
                services:
                  app:
                    image: "example/app:1"
                    ports: ["53:53/udp"]
                    volumes: ["data:/var/data"]
                    environment:
                      TOKEN:
                      GREETING: "hello ${TOKEN}"
                    deploy:
                      resources: {limits: {cpus: "32", memory: 4G}}
                volumes:
                  data: {}
                """;
        AppTemplate.Result r = build(compose, DeploymentMode.AFFORDABLE, Optional.empty());
        assertThat(r.findings()).extracting(Finding::code).contains(AwsFindings.UNSUPPORTED_VOLUME,
                AwsFindings.UNSUPPORTED_PORT, AwsFindings.SIZE_TOO_LARGE, AwsFindings.COMPOSED_ENV_WITHOUT_COMMAND);
        assertThat(container(r, "App").path("Environment").toString()).doesNotContain("GREETING");
        assertThat(r.template().path("Parameters").path("ImageApp").path("Default").asText()).isEqualTo("example/app:1");
        assertThat(r.template().path("Outputs").path("Url").path("Value").asText()).isEqualTo("none");
    }

    @Test
    void build_configNotInSsm_finding() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("shop"));
        Files.writeString(dir.resolve("compose.yaml"), APP);
        AppFixtures.Loaded loaded = AppFixtures.load(dir.resolve("compose.yaml"));
        AppStackInput full = AppFixtures.input(loaded.compose(), DeploymentMode.BALANCED, Optional.empty());
        AppStackInput none = new AppStackInput(full.compose(), full.settings(), full.bootstrap(), new TreeSet<>());
        List<Finding> findings = AppTemplate.build(none).findings();
        assertThat(findings).anyMatch(f -> f.code().equals(AwsFindings.CONFIG_NOT_SET) && f.subject().equals("config API_KEY"));
        // the database's password comes from Secrets Manager, not from the config store
        assertThat(findings).noneMatch(f -> f.subject().equals("config POSTGRES_PASSWORD"));
    }

    @Test
    void build_namesClashingAsLogicalIds_badInputNamingBoth() throws IOException {
        String compose = """
                services:
                  web-api:
                    image: "example/a:1"
                  web_api:
                    image: "example/b:1"
                """;
        assertThatThrownBy(() -> build(compose, DeploymentMode.AFFORDABLE, Optional.empty()))
                .isInstanceOf(dev.ferry.FerryException.class).hasMessageContaining("web-api and web_api");
    }
}
