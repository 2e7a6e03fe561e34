package dev.ferry.provider.aws.ops;

import dev.ferry.FerryException;
import dev.ferry.provider.ConfigStore;
import dev.ferry.provider.aws.AwsSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * Config values as SSM Parameter Store SecureStrings under {@link AwsSettings#parameterPrefix()}
 * (/ferry/PROJECT/STACK/NAME), encrypted with the account's aws/ssm key. The app stack's tasks read them as ECS
 * secrets; ferry itself lists names only (WithDecryption false) and decrypts only in {@link #get}.
 */
public final class SsmConfigStore implements ConfigStore {

    /** At most this many writes at once: enough to import an app's vars quickly, under SSM's default rate. */
    static final int PARALLEL_WRITES = 4;

    private final SsmClient ssm;
    private final AwsSettings settings;

    public SsmConfigStore(SsmClient ssm, AwsSettings settings) {
        this.ssm = ssm;
        this.settings = settings;
    }

    /** The parameter's full name, e.g. /ferry/shop/beta/SECRET_KEY_BASE. */
    public String parameterName(String name) {
        return settings.parameterPrefix() + ConfigStore.checkName(name);
    }

    @Override
    public void setAll(Map<String, String> values) {
        values.keySet().forEach(ConfigStore::checkName);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PARALLEL_WRITES, values.size())));
        try {
            List<Future<?>> writes = new ArrayList<>();
            new TreeSet<>(values.keySet()).forEach(name -> writes.add(pool.submit(() -> put(name, values.get(name)))));
            for (Future<?> write : writes) {
                await(write);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void put(String name, String value) {
        String parameter = parameterName(name);
        // PutParameter refuses Tags together with Overwrite, so the tags follow in their own (idempotent) call
        AwsCall.run("ssm:PutParameter", () -> ssm.putParameter(b -> b.name(parameter).value(value)
                .type(ParameterType.SECURE_STRING).overwrite(true).tier(ParameterTier.INTELLIGENT_TIERING)
                .description("ferry config " + name + " of " + settings.project() + "/" + settings.provider().stack())));
        AwsCall.run("ssm:AddTagsToResource", () -> ssm.addTagsToResource(b -> b
                .resourceType(ResourceTypeForTagging.PARAMETER).resourceId(parameter).tags(
                        Tag.builder().key("ferry:project").value(settings.project()).build(),
                        Tag.builder().key("ferry:stack").value(settings.provider().stack()).build())));
    }

    private static void await(Future<?> write) {
        try {
            write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FerryException.failed("interrupted while writing config values", "run the command again", null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw FerryException.failed("could not write a config value", "run the command again", null);
        }
    }

    @Override
    public SortedSet<String> names() {
        String prefix = settings.parameterPrefix();
        // the path without its final slash, as SSM names a hierarchy
        String path = prefix.substring(0, prefix.length() - 1);
        SortedSet<String> names = new TreeSet<>();
        String token = null;
        do {
            String next = token;
            GetParametersByPathResponse page = AwsCall.run("ssm:GetParametersByPath", () -> ssm.getParametersByPath(b -> b
                    .path(path).recursive(false).withDecryption(false).maxResults(10).nextToken(next)));
            for (Parameter parameter : page.parameters()) {
                if (parameter.name().startsWith(prefix)) {
                    names.add(parameter.name().substring(prefix.length()));
                }
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return names;
    }

    @Override
    public boolean remove(String name) {
        String parameter = parameterName(name);
        try {
            ssm.deleteParameter(b -> b.name(parameter));
            return true;
        } catch (ParameterNotFoundException e) {
            return false;
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw AwsCall.map("ssm:DeleteParameter", e);
        }
    }

    @Override
    public Optional<String> get(String name) {
        String parameter = parameterName(name);
        try {
            return Optional.of(ssm.getParameter(b -> b.name(parameter).withDecryption(true)).parameter().value());
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw AwsCall.map("ssm:GetParameter", e);
        }
    }

    @Override
    public String description() {
        return "SSM Parameter Store " + settings.parameterPrefix() + " in " + settings.region();
    }
}
