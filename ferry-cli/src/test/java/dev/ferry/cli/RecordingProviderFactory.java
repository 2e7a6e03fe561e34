package dev.ferry.cli;

import dev.ferry.compose.ComposeService;
import dev.ferry.compose.load.LoadedCompose;
import dev.ferry.event.EventSink;
import dev.ferry.provider.ConfigStore;
import dev.ferry.provider.DeploymentPlan;
import dev.ferry.provider.LogOptions;
import dev.ferry.provider.Provider;
import dev.ferry.provider.ProviderFactory;
import dev.ferry.provider.ProviderSettings;
import dev.ferry.provider.ServiceStatus;
import dev.ferry.provider.UpOptions;
import dev.ferry.provider.UpResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A test-only provider, {@code --provider recording}: renders a template naming the settings it got and records
 * each call, so the CLI's wiring of --stack/--mode/--domain, --dry-run and compose config's template can be checked
 * without a cloud (the aws provider's own render is tested in ferry-aws).
 */
public final class RecordingProviderFactory implements ProviderFactory {

    /** The calls made on recording providers, as "method". */
    static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public Provider create(Map<String, String> env, ProviderSettings settings) {
        return new Provider() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public Set<String> supportedServiceKeys() {
                return dev.ferry.provider.aws.AwsProvider.SUPPORTED_KEYS;
            }

            @Override
            public ConfigStore configStore(Path projectDir) {
                return new ConfigStore() {
                    @Override
                    public void setAll(Map<String, String> values) {
                        CALLS.add("setAll");
                    }

                    @Override
                    public SortedSet<String> names() {
                        return new TreeSet<>(Set.of("SECRET_KEY_BASE"));
                    }

                    @Override
                    public boolean remove(String name) {
                        return false;
                    }

                    @Override
                    public Optional<String> get(String name) {
                        return Optional.empty();
                    }

                    @Override
                    public String description() {
                        return "the recording store";
                    }
                };
            }

            @Override
            public Optional<String> render(LoadedCompose compose, EventSink events) {
                CALLS.add("render");
                return Optional.of("AWSTemplateFormatVersion: \"2010-09-09\"\nDescription: " + compose.projectName()
                        + " stack=" + settings.stack() + " mode=" + settings.mode().cliName() + " domain="
                        + settings.domain().orElse("-") + "\n");
            }

            @Override
            public DeploymentPlan plan(LoadedCompose compose, UpOptions options, EventSink events) {
                CALLS.add("plan");
                return new DeploymentPlan(compose.project().services().stream().map(ComposeService::name)
                        .map(s -> new DeploymentPlan.Change(s, DeploymentPlan.Action.CREATE, "new service")).toList());
            }

            @Override
            public UpResult up(LoadedCompose compose, UpOptions options, EventSink events) {
                CALLS.add("up");
                return new UpResult(new DeploymentPlan(List.of()), List.of());
            }

            @Override
            public List<ServiceStatus> ps(LoadedCompose compose) {
                CALLS.add("ps");
                return List.of();
            }

            @Override
            public void logs(LoadedCompose compose, LogOptions options, EventSink events) {
                CALLS.add("logs follow=" + options.follow());
            }

            @Override
            public void down(LoadedCompose compose, boolean volumes, EventSink events) {
                CALLS.add("down volumes=" + volumes);
            }
        };
    }
}
