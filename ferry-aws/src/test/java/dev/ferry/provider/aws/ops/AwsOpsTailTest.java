package dev.ferry.provider.aws.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.event.FerryEvent;
import dev.ferry.provider.LogOptions;
import dev.ferry.provider.ProviderSettings;
import dev.ferry.provider.aws.testing.FakeAws;
import dev.ferry.provider.aws.testing.OpsBuildsFake;
import dev.ferry.provider.aws.testing.OpsLogsFake;
import dev.ferry.provider.aws.testing.OpsStackFake;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsOpsTailTest {

    @TempDir
    Path dir;

    private final FakeAws aws = new FakeAws();

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void tail_deployInProgress_buildPhasesThenStackEventsThenLogsUntilInterrupted() throws Exception {
        LoadedCompose compose = OpsFixtures.load(dir);
        OpsStackFake.on(aws, "ferry-bootstrap", "CREATE_COMPLETE", List.of()).output("BuildProject", "ferry-build");
        OpsBuildsFake.on(aws, "ferry-build").running("b-web", "ferry-artifacts-1/shop/web/abc.tar.gz")
                .running("b-other", "ferry-artifacts-1/other-app/web/def.tar.gz");
        OpsStackFake app = ServiceStatesTest.deployedShop(aws);
        // the app stack starts an update, as phase 2 of a deploy does
        app.startUpdate();
        OpsLogsFake.on(aws, "/ferry/shop/beta").line("web", Instant.now().toEpochMilli() - 1000, "Puma starting");
        Map<String, String> env = new HashMap<>(aws.env());
        env.put("FERRY_AWS_POLL_MILLIS", "10");
        OpsFixtures.Events events = new OpsFixtures.Events();

        Thread tail = new Thread(() -> new AwsOps(env, ProviderSettings.defaults())
                .tail(compose, new LogOptions(List.of(), true, -1, null), events));
        tail.start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (events.logLines().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        tail.interrupt();
        tail.join(20_000);

        assertThat(tail.isAlive()).isFalse();
        List<FerryEvent> seen = List.copyOf(events.seen);
        assertThat(seen).contains(new FerryEvent.Status("build web", "provisioning"),
                new FerryEvent.Status("build web", "post build"), new FerryEvent.Status("WebService", "update complete"));
        assertThat(seen).noneMatch(e -> e.toString().contains("other-app"));
        int lastBuild = seen.indexOf(new FerryEvent.Status("build web", "post build"));
        int stackDone = seen.indexOf(new FerryEvent.Status("ferry-shop-beta", "update complete"));
        int firstLog = seen.indexOf(new FerryEvent.Log("web", "Puma starting"));
        assertThat(lastBuild).isLessThan(stackDone);
        assertThat(stackDone).isLessThan(firstLog);
        assertThat(aws.unexpected()).isEmpty();
    }
}
