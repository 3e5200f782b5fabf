package io.mediasync.sourcesync.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Resolves a source's {@code {"secretRef": "NAME"}} to its value: from the environment (through
 * MicroProfile Config, which reads environment variables, so tests can set it as a property).
 * Secrets Manager can be added behind this class later. Values are never logged.
 */
@ApplicationScoped
public class SecretResolver {

    public Optional<String> resolve(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).filter(v -> !v.isEmpty());
    }
}
