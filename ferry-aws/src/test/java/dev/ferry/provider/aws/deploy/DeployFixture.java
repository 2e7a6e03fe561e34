package dev.ferry.provider.aws.deploy;

import dev.ferry.compose.load.ComposeLoader;
import dev.ferry.compose.load.LoadOptions;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.ProviderSettings;
import dev.ferry.provider.UpOptions;
import dev.ferry.provider.UpResult;
import dev.ferry.provider.aws.AwsClients;
import dev.ferry.provider.aws.AwsSettings;
import dev.ferry.provider.aws.testing.FakeAws;
import dev.ferry.provider.aws.testing.FakeCloudFormation;
import dev.ferry.provider.aws.testing.FakeCodeBuild;
import dev.ferry.provider.aws.testing.FakeEcr;
import dev.ferry.provider.aws.testing.FakeEcs;
import dev.ferry.provider.aws.testing.FakeLogs;
import dev.ferry.provider.aws.testing.FakeS3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A project (a Node app with a release process and a web process sharing one build context) and a fake AWS account
 * with every service the deploy uses, wired as the bootstrap and app stacks' outputs say.
 */
final class DeployFixture implements AutoCloseable {

    static final String BUCKET = "ferry-artifacts-123456789012";
    static final String REPOSITORY_URI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/ferry";
    static final String BUILD_PROJECT = "ferry-build";
    static final String BUILD_LOG_GROUP = "/ferry/build";
    static final String APP_STACK = "ferry-shop-beta";
    static final String CLUSTER = "ferry-shop-beta";
    static final String LOG_GROUP = "/ferry/shop/beta";
    static final String RELEASE_TASK_DEFINITION = "arn:aws:ecs:us-east-1:123456789012:task-definition/shop-release:1";
    static final String URL = "http://shop-beta-alb-123.us-east-1.elb.amazonaws.com";

    static final String COMPOSE = """
            name: shop
            services:
              release:
                build: .
                command: ["node", "migrate.js"]
                restart: "no"
                environment:
                  DATABASE_URL:
              web:
                build: .
                command: ["node", "index.js"]
                ports: ["5000:5000"]
                environment:
                  DATABASE_URL:
                  PORT: "5000"
                depends_on:
                  release:
                    condition: service_completed_successfully
            """;

    final Path project;
    final Path scratch;
    final FakeAws aws = new FakeAws();
    final FakeS3 s3 = new FakeS3().install(aws);
    final FakeCloudFormation cloudFormation = new FakeCloudFormation(s3).install(aws);
    final FakeEcr ecr = new FakeEcr("ferry").install(aws);
    final FakeLogs logs = new FakeLogs().install(aws);
    final FakeCodeBuild codeBuild = new FakeCodeBuild(BUILD_PROJECT, BUILD_LOG_GROUP, ecr, logs).install(aws);
    final FakeEcs ecs = new FakeEcs(CLUSTER).containerName("release").service("shop-beta-web", 1, 1).install(aws);
    final List<FerryEvent> events = Collections.synchronizedList(new ArrayList<>());
    Templates templates = new StandInTemplates();

    DeployFixture(Path dir) {
        try {
            project = Files.createDirectories(dir.resolve("shop"));
            scratch = Files.createDirectories(dir.resolve("scratch"));
            Files.writeString(project.resolve("compose.yaml"), COMPOSE);
            Files.writeString(project.resolve("package.json"), """
                    {"name": "shop", "version": "1.0.0", "scripts": {"start": "node index.js"}}
                    """);
            Files.writeString(project.resolve("index.js"), "require('http').createServer((q, s) => s.end('hi'))"
                    + ".listen(process.env.PORT)\n");
            Files.writeString(project.resolve("migrate.js"), "console.log('migrated')\n");
            Files.writeString(project.resolve("Procfile"), "web: node index.js\nrelease: node migrate.js\n");
            Files.writeString(project.resolve(".dockerignore"), "*.log\nnode_modules\n");
            Files.writeString(project.resolve("debug.log"), "not for the image\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cloudFormation.outputs(AwsSettings.bootstrapStackName(), p -> Map.of("ArtifactBucket", BUCKET,
                "ImageRepositoryUri", REPOSITORY_URI, "BuildProject", BUILD_PROJECT, "BuildLogGroup", BUILD_LOG_GROUP,
                Templates.VERSION_OUTPUT, "1"));
        cloudFormation.outputs(APP_STACK, p -> {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("ClusterName", CLUSTER);
            out.put("Url", URL);
            out.put("PrivateSubnets", "subnet-aaa,subnet-bbb");
            out.put("TaskSecurityGroup", "sg-123");
            out.put("LogGroup", LOG_GROUP);
            out.put("TaskDefinitionRelease", RELEASE_TASK_DEFINITION);
            out.put("TaskDefinitionWeb", "arn:aws:ecs:us-east-1:123456789012:task-definition/shop-web:1");
            out.put("ServiceWeb", "shop-beta-web");
            return out;
        });
    }

    LoadedCompose compose() {
        return ComposeLoader.load(project.resolve("compose.yaml"), "compose.yaml",
                new LoadOptions(Map.of(), List.of(), Set.of("DATABASE_URL"), null));
    }

    AwsSettings settings() {
        return new AwsSettings("us-east-1", "shop", ProviderSettings.defaults());
    }

    /** A deployment as `up` makes it, polling every millisecond. */
    AwsDeployment deployment(AwsClients clients) {
        EventSink sink = events::add;
        return new AwsDeployment(clients, settings(), templates, new Waiting(Duration.ofMillis(1)), scratch, sink);
    }

    UpResult up() {
        try (AwsClients clients = new AwsClients(aws.env())) {
            return deployment(clients).up(compose(), new TreeSet<>(Set.of("DATABASE_URL")), UpOptions.defaults());
        }
    }

    /** The events of one kind, as text. */
    List<String> statuses() {
        synchronized (events) {
            return events.stream().filter(e -> e instanceof FerryEvent.Status).map(e -> (FerryEvent.Status) e)
                    .map(s -> s.subject() + ": " + s.state()).toList();
        }
    }

    @Override
    public void close() {
        aws.close();
    }
}
