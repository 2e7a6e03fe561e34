package dev.ferry.provider.aws;

import dev.ferry.provider.Provider;
import dev.ferry.provider.ProviderFactory;
import dev.ferry.provider.ProviderSettings;
import java.util.Map;

/** Registers {@code --provider aws} (META-INF/services/dev.ferry.provider.ProviderFactory). */
public final class AwsProviderFactory implements ProviderFactory {

    @Override
    public String name() {
        return "aws";
    }

    @Override
    public Provider create(Map<String, String> env, ProviderSettings settings) {
        return new AwsProvider(env, settings);
    }
}
