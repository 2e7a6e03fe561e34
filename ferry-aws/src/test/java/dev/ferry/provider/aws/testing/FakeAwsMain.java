package dev.ferry.provider.aws.testing;

import dev.ferry.provider.ProviderSettings;
import dev.ferry.provider.aws.AwsSettings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a fake AWS account on its own, to try {@code ferry compose up/ps/logs/down --provider aws} by hand in a real
 * terminal. Arguments: PROJECT (the compose project's name: its {@code name:} or its folder's name; default "shop")
 * and STACK (default "beta"). Prints the environment to export, then serves until Ctrl-C. Nothing reaches AWS.
 * From the checkout, after {@code mvn -o -q package -DskipTests -pl ferry-cli -am} and
 * {@code mvn -o -q test-compile -pl ferry-aws -am}:
 * {@code java -cp ferry-cli/target/ferry.jar:ferry-aws/target/test-classes dev.ferry.provider.aws.testing.FakeAwsMain shop}
 */
public final class FakeAwsMain {

    private FakeAwsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String project = args.length > 0 ? args[0] : "shop";
        String stack = args.length > 1 ? args[1] : ProviderSettings.defaults().stack();
        FakeAwsAccount account = new FakeAwsAccount(new AwsSettings("us-east-1", project,
                new ProviderSettings(stack, ProviderSettings.defaults().mode(), ProviderSettings.defaults().domain())));
        account.ecs.containerName("release");
        long now = System.currentTimeMillis();
        account.appLogs.line("web", now - 3_000, "Puma starting in single mode...")
                .line("web", now - 2_000, "* Listening on http://0.0.0.0:5000")
                .line("release", now - 4_000, "== Migrating: schema up to date ==");
        Map<String, String> env = new TreeMap<>(account.aws.env());
        env.put("FERRY_AWS_POLL_MILLIS", "100"); // a real deploy polls every few seconds; the fake needs no wait
        System.out.println("# fake AWS account for project " + project + ", stack " + stack + "; paste into your shell:");
        env.forEach((k, v) -> System.out.println("export " + k + "=" + v));
        System.out.println("# then e.g. ./ferry compose up --provider aws; Ctrl-C here stops the fake");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            List<String> unexpected = account.aws.unexpected();
            if (!unexpected.isEmpty()) {
                System.out.println("# calls the fake had no handler for: " + String.join(", ", unexpected));
            }
            account.close();
        }));
        Thread.sleep(Long.MAX_VALUE);
    }
}
