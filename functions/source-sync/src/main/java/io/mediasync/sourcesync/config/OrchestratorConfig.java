package io.mediasync.sourcesync.config;

import io.mediasync.common.config.SharedDefaults;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** What the orchestrator does with the sync events. */
@ConfigMapping(prefix = "mediasync.orchestrator")
public interface OrchestratorConfig {

    /** Remove a deleted file's object from the content bucket too (its thumbnails always go). */
    @WithDefault("${DELETE_CONTENT:true}")
    boolean deleteContent();

    /** Standard Webhooks secrets "whsec_..." for the sync postbacks, comma-separated (POSTBACK_SECRET). */
    @WithDefault(SharedDefaults.POSTBACK_SECRET)
    Optional<String> postbackSecrets();

    /** POSTBACK_SECRET_ARN: the Secrets Manager secret holding them, read at run time; wins over POSTBACK_SECRET. */
    @WithDefault(SharedDefaults.POSTBACK_SECRET_ARN)
    Optional<String> postbackSecretsArn();

    @WithDefault(SharedDefaults.POSTBACK_TIMEOUT)
    Duration postbackTimeout();

    /**
     * SYNC_WEBP: the resize orders ask for WebP renditions beside the JPEGs ({@code "formats": ["jpeg", "webp"]}, issue
     * 25), and a removed file's WebPs go with its JPEGs. Off: the orders and removals are the seed's.
     */
    @WithDefault("${SYNC_WEBP:false}")
    boolean webp();
}
