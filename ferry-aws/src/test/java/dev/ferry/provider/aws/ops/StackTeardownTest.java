package dev.ferry.provider.aws.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.FerryException;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.aws.AwsClients;
import dev.ferry.provider.aws.testing.FakeAws;
import dev.ferry.provider.aws.testing.OpsSsmFake;
import dev.ferry.provider.aws.testing.OpsStackFake;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StackTeardownTest {

    private final FakeAws aws = new FakeAws();
    private final AwsClients clients = new AwsClients(aws.env());
    private final OpsSsmFake ssm = OpsSsmFake.on(aws);
    private final OpsFixtures.Events events = new OpsFixtures.Events();

    @BeforeEach
    void config() {
        ssm.preset("/ferry/shop/beta/SECRET_KEY_BASE", "kept-secret").preset("/ferry/shop/production/OTHER", "x");
    }

    @AfterEach
    void close() {
        clients.close();
        aws.close();
    }

    private StackTeardown teardown() {
        return new StackTeardown(clients.cloudFormation(), clients.ssm(),
                new SsmConfigStore(clients.ssm(), OpsFixtures.SETTINGS), Duration.ofMillis(10));
    }

    @Test
    void down_default_deletesTheStackKeepsSnapshotsAndConfig() {
        OpsStackFake stack = ServiceStatesTest.deployedShop(aws);

        teardown().down(OpsFixtures.SETTINGS, false, events);

        assertThat(stack.exists()).isFalse();
        assertThat(aws.requests("CloudFormation.UpdateStack")).isEmpty();
        assertThat(aws.requests("CloudFormation.DeleteStack")).singleElement()
                .satisfies(r -> assertThat(r.form()).containsEntry("StackName", "ferry-shop-beta"));
        assertThat(ssm.values()).containsKey("/ferry/shop/beta/SECRET_KEY_BASE");
        assertThat(events.seen).contains(new FerryEvent.Status("Database", "delete complete"));
        assertThat(events.text()).contains("Kept as final snapshots: Database")
                .contains("config values stay in SSM Parameter Store /ferry/shop/beta/")
                .contains("ferry-bootstrap stack").doesNotContain("kept-secret");
        assertThat(aws.requests()).noneMatch(r -> r.form().getOrDefault("StackName", "").equals("ferry-bootstrap"));
        assertThat(aws.unexpected()).isEmpty();
    }

    @Test
    void down_forceDestroy_resubmitsTheTemplateWithoutSnapshotsFirstThenDeletesStackAndConfig() throws Exception {
        OpsStackFake stack = ServiceStatesTest.deployedShop(aws);

        teardown().down(OpsFixtures.SETTINGS, true, events);

        FakeAws.Request update = aws.requests("CloudFormation.UpdateStack").get(0);
        assertThat(update.form()).doesNotContainKey("UsePreviousTemplate").containsEntry("Parameters.member.1.UsePreviousValue", "true");
        JsonNode database = new ObjectMapper().readTree(update.form().get("TemplateBody")).path("Resources").path("Database");
        assertThat(database.path("DeletionPolicy").asText()).isEqualTo("Delete");
        assertThat(database.path("UpdateReplacePolicy").asText()).isEqualTo("Delete");
        assertThat(database.path("Properties").path("DeletionProtection").asBoolean(true)).isFalse();
        assertThat(stack.parameters()).containsEntry("ImageWeb", ServiceStatesTest.IMAGE);
        List<String> order = aws.requests().stream().map(FakeAws.Request::operation)
                .filter(o -> o.endsWith("UpdateStack") || o.endsWith("DeleteStack")).toList();
        assertThat(order).containsExactly("CloudFormation.UpdateStack", "CloudFormation.DeleteStack");
        assertThat(stack.exists()).isFalse();
        assertThat(ssm.values()).containsOnlyKeys("/ferry/shop/production/OTHER");
        assertThat(events.text()).contains("Deleted without a final snapshot: Database").contains("Deleted 1 config value");
        assertThat(aws.unexpected()).isEmpty();
    }

    @Test
    void down_databaseWithoutSnapshotPolicy_saysItIsDeletedAndForceNeedsNoUpdate() {
        OpsStackFake.on(aws, "ferry-shop-beta", "CREATE_COMPLETE", List.of("WebService", "Cache"))
                .output("EndpointCache", "cache:6379");

        teardown().down(OpsFixtures.SETTINGS, true, events);

        assertThat(aws.requests("CloudFormation.UpdateStack")).isEmpty();
        assertThat(events.text()).contains("Deleted without a final snapshot: Cache").doesNotContain("Kept as final");
    }

    @Test
    void down_deleteFails_isFailedWithTheResourceAndReason() {
        ServiceStatesTest.deployedShop(aws).failDeleteOn("Database");

        assertThatThrownBy(() -> teardown().down(OpsFixtures.SETTINGS, false, events)).isInstanceOf(FerryException.class)
                .hasMessageContaining("was not deleted (delete failed)")
                .hasMessageContaining("Database: Resource is in use");
    }

    @Test
    void down_neverDeployed_saysSoAndKeepsConfig() {
        OpsStackFake.on(aws, "ferry-shop-beta", null, List.of());

        teardown().down(OpsFixtures.SETTINGS, false, events);

        assertThat(aws.requests("CloudFormation.DeleteStack")).isEmpty();
        assertThat(events.text()).contains("Nothing to delete: stack ferry-shop-beta does not exist in us-east-1");
    }
}
