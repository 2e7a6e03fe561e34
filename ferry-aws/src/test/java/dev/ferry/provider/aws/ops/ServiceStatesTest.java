package dev.ferry.provider.aws.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.FerryException;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.provider.ServiceStatus;
import dev.ferry.provider.aws.AwsClients;
import dev.ferry.provider.aws.testing.FakeAws;
import dev.ferry.provider.aws.testing.OpsEcsFake;
import dev.ferry.provider.aws.testing.OpsEcsFake.FakeTask;
import dev.ferry.provider.aws.testing.OpsStackFake;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceStatesTest {

    static final String IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/ferry:shop-web-abc123";

    @TempDir
    Path dir;

    private final FakeAws aws = new FakeAws();
    private final AwsClients clients = new AwsClients(aws.env());

    @AfterEach
    void close() {
        clients.close();
        aws.close();
    }

    /** The deployed shop: web and worker as ECS services, the release run once, db on RDS. */
    static OpsStackFake deployedShop(FakeAws aws) {
        return OpsStackFake.on(aws, "ferry-shop-beta", "UPDATE_COMPLETE", List.of("WebService", "Database"))
                .output("ClusterName", "ferry-shop-beta").output("Url", "http://ferry-shop-beta-123.elb.amazonaws.com")
                .output("LogGroup", "/ferry/shop/beta").output("ServiceWeb", "shop-web").output("ServiceWorker", "shop-worker")
                .output("TaskDefinitionRelease", "arn:aws:ecs:us-east-1:123456789012:task-definition/shop-release:3")
                .output("EndpointDb", "shop-db.abc.us-east-1.rds.amazonaws.com:5432")
                .parameter("ServicesEnabled", "true")
                .parameter("ImageWeb", IMAGE);
    }

    @Test
    void of_deployedProject_oneRowPerServiceWithCountsHealthImageAndUrl() {
        LoadedCompose compose = OpsFixtures.load(dir);
        deployedShop(aws);
        OpsEcsFake.on(aws, "ferry-shop-beta")
                .service("shop-web", 2, 2, new FakeTask("t1", "RUNNING", "HEALTHY", IMAGE),
                        new FakeTask("t2", "RUNNING", "HEALTHY", IMAGE))
                .service("shop-worker", 1, 0, new FakeTask("t3", "PENDING", "UNKNOWN", IMAGE));

        List<ServiceStatus> rows = new ServiceStates(clients.cloudFormation(), clients.ecs()).of(compose, OpsFixtures.SETTINGS);

        assertThat(rows).containsExactly(
                new ServiceStatus("web", "shop-web", "running 2/2", "healthy",
                        List.of("http://ferry-shop-beta-123.elb.amazonaws.com"), IMAGE),
                new ServiceStatus("worker", "shop-worker", "deploying 0/1", "", List.of(), IMAGE),
                new ServiceStatus("db", "RDS PostgreSQL", "available", "",
                        List.of("shop-db.abc.us-east-1.rds.amazonaws.com:5432"), "managed by AWS"));
        assertThat(aws.unexpected()).isEmpty();
    }

    @Test
    void of_unhealthyTask_makesTheServiceUnhealthy() {
        LoadedCompose compose = OpsFixtures.load(dir);
        deployedShop(aws);
        OpsEcsFake.on(aws, "ferry-shop-beta")
                .service("shop-web", 2, 2, new FakeTask("t1", "RUNNING", "HEALTHY", IMAGE),
                        new FakeTask("t2", "RUNNING", "UNHEALTHY", IMAGE))
                .service("shop-worker", 0, 0);

        List<ServiceStatus> rows = new ServiceStates(clients.cloudFormation(), clients.ecs()).of(compose, OpsFixtures.SETTINGS);

        assertThat(rows.get(0).health()).isEqualTo("unhealthy");
        assertThat(rows.get(1).state()).isEqualTo("stopped 0/0");
        assertThat(rows.get(1).image()).isEqualTo("-");
    }

    @Test
    void of_neverDeployed_isOneLineWithTheFix() {
        LoadedCompose compose = OpsFixtures.load(dir);
        OpsStackFake.on(aws, "ferry-shop-beta", null, List.of());

        assertThatThrownBy(() -> new ServiceStates(clients.cloudFormation(), clients.ecs()).of(compose, OpsFixtures.SETTINGS))
                .isInstanceOf(FerryException.class).satisfies(e -> {
                    assertThat(e.getMessage()).isEqualTo("\"shop\" (stack beta) is not deployed to AWS in us-east-1");
                    assertThat(((FerryException) e).hint()).isEqualTo("deploy it with ferry compose up --provider aws");
                });
        assertThat(aws.requests()).extracting(FakeAws.Request::operation).containsExactly("CloudFormation.DescribeStacks");
    }
}
