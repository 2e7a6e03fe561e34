package dev.ferry.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ferry.FerryException;
import dev.ferry.compose.load.ComposeLoader;
import dev.ferry.compose.load.LoadOptions;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.provider.ConfigStore;
import dev.ferry.provider.LogOptions;
import dev.ferry.provider.ProviderSettings;
import dev.ferry.provider.UpOptions;
import dev.ferry.provider.aws.testing.FakeAws;
import dev.ferry.provider.aws.testing.OpsEcsFake;
import dev.ferry.provider.aws.testing.OpsStackFake;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.ferry.event.FerryEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public call of the aws provider and of its config store maps an AWS SDK failure at the provider's own
 * boundary: the caller (the CLI) gets a FerryException of kind ENVIRONMENT (exit 3) with one line and a fix, never an
 * SdkException it would need AWS knowledge to read.
 */
class AwsProviderBoundaryTest {

    @TempDir
    Path dir;

    private final FakeAws aws = new FakeAws();
    private LoadedCompose compose;

    @BeforeEach
    void compose() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: shop
                services:
                  web:
                    image: nginx:1.27
                    ports: ["80:80"]
                """);
        compose = ComposeLoader.load(dir.resolve("compose.yaml"), "compose.yaml",
                new LoadOptions(Map.of(), List.of(), Set.of(), null));
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    /** The provider's public calls that reach AWS, by name, and the config store's. */
    static Stream<String> requestingCalls() {
        return Stream.of("configStore.names", "configStore.get", "configStore.set", "configStore.remove", "ps",
                "logs", "tail", "dataDeletedByDown", "down", "plan", "up");
    }

    /** Every public call; configStore itself makes no request (the store's calls do), render degrades on denial. */
    static Stream<String> calls() {
        return Stream.concat(Stream.of("configStore", "render"), requestingCalls());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestingCalls")
    void call_accountDeniesEverything_oneLineEnvironmentErrorNamingAnAction(String call) {
        denyEverything();

        FerryException e = failure(call, aws.env());

        assertThat(e.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
        assertThat(e.getMessage()).matches("AWS denied [a-z0-9]+:[A-Za-z]+ to these credentials");
        assertThat(e.hint()).startsWith("allow ").contains("docs/aws.md");
        assertThat(aws.requests()).isNotEmpty();
    }

    @Test
    void ps_deployedButListTasksDenied_namesThatAction() {
        OpsStackFake.on(aws, "ferry-shop-beta", "UPDATE_COMPLETE", List.of("WebService"))
                .output("ClusterName", "ferry-shop-beta").output("ServiceWeb", "shop-web")
                .parameter("ServicesEnabled", "true");
        OpsEcsFake.on(aws, "ferry-shop-beta").service("shop-web", 1, 1);
        // the ListTasks request is sent while its paginator is read: that read is inside the mapping too
        aws.on("AmazonEC2ContainerServiceV20141113.ListTasks",
                r -> FakeAws.Response.jsonError(400, "AccessDeniedException", "User is not authorized"));

        FerryException e = failure("ps", aws.env());

        assertThat(e.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
        assertThat(e.getMessage()).isEqualTo("AWS denied ecs:ListTasks to these credentials");
        assertThat(aws.requests("AmazonEC2ContainerServiceV20141113.ListTasks")).hasSize(1);
    }

    @Test
    void render_accountDeniesEverything_placeholdersAndAStepSayingWhy() {
        denyEverything();
        List<FerryEvent> events = new ArrayList<>();

        Optional<String> template = new AwsProvider(aws.env(), ProviderSettings.defaults()).render(compose,
                events::add);

        assertThat(template).hasValueSatisfying(t -> assertThat(t).contains("\"AWS::ECS::Cluster\""));
        assertThat(events).anyMatch(e -> e instanceof FerryEvent.Step step
                && step.text().startsWith("The bootstrap stack could not be read ("));
        assertThat(aws.requests("CloudFormation.DescribeStacks")).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void call_noRegion_oneLineEnvironmentErrorAndNoRequest(String call) {
        Map<String, String> env = new HashMap<>(aws.env());
        env.remove("AWS_REGION");
        if (call.equals("render")) {
            // render works without a region (placeholders): it is the one call that needs none
            assertThat(new AwsProvider(env, ProviderSettings.defaults()).render(compose, event -> { })).isPresent();
            return;
        }

        FerryException e = failure(call, env);

        assertThat(e.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
        assertThat(e.getMessage()).isEqualTo("no AWS region is set");
        assertThat(e.hint()).startsWith("export AWS_REGION=");
        assertThat(aws.requests()).isEmpty();
    }

    private void denyEverything() {
        aws.otherwise(request -> request.header("x-amz-target").isEmpty()
                ? FakeAws.Response.queryError(403, "AccessDenied", "User is not authorized")
                : FakeAws.Response.jsonError(400, "AccessDeniedException", "User is not authorized"));
    }

    private FerryException failure(String call, Map<String, String> env) {
        AwsProvider provider = new AwsProvider(env, ProviderSettings.defaults());
        Throwable thrown = catchThrowable(() -> invoke(provider, call));
        assertThat(thrown).as(call).isInstanceOf(FerryException.class);
        FerryException e = (FerryException) thrown;
        assertThat(e.getMessage() + e.hint()).doesNotContain("\n");
        return e;
    }

    private void invoke(AwsProvider provider, String call) {
        LogOptions logs = new LogOptions(List.of(), false, 10, null);
        switch (call) {
            case "configStore" -> provider.configStore(dir);
            case "configStore.names" -> store(provider).names();
            case "configStore.get" -> store(provider).get("SECRET_KEY_BASE");
            case "configStore.set" -> store(provider).set("SECRET_KEY_BASE", "value");
            case "configStore.remove" -> store(provider).remove("SECRET_KEY_BASE");
            case "ps" -> provider.ps(compose);
            case "logs" -> provider.logs(compose, logs, event -> { });
            case "tail" -> provider.tail(compose, logs, event -> { });
            case "dataDeletedByDown" -> provider.dataDeletedByDown(compose, true);
            case "down" -> provider.down(compose, false, event -> { });
            case "render" -> provider.render(compose, event -> { });
            case "plan" -> provider.plan(compose, UpOptions.defaults(), event -> { });
            case "up" -> provider.up(compose, UpOptions.defaults(), event -> { });
            default -> throw new IllegalArgumentException(call);
        }
    }

    /** The store as a caller gets it; with no region, getting it is already the failure. */
    private ConfigStore store(AwsProvider provider) {
        return provider.configStore(dir);
    }
}
