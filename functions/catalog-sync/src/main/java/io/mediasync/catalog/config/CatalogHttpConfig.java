package io.mediasync.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How the function's own HTTP API (PATCH /api/syncall, …) is protected: what API Gateway was deployed with. */
@ConfigMapping(prefix = "mediasync.catalog.http")
public interface CatalogHttpConfig {

    /** CATALOG_API_AUTH, the template's CatalogApiAuth: IAM, JWT or NONE (API Gateway checks callers, not us). */
    @WithDefault("${CATALOG_API_AUTH:IAM}")
    String auth();

    /** CATALOG_API_AUTH_NONE_ACKNOWLEDGED, the template's CatalogApiAuthNoneAcknowledged: NONE was chosen knowingly. */
    @WithDefault("${CATALOG_API_AUTH_NONE_ACKNOWLEDGED:no}")
    boolean authNoneAcknowledged();

    /** Why the routes must not run, if they must not: an API anyone may call that nobody acknowledged. */
    static Optional<String> refusal(CatalogHttpConfig config) {
        if (!"NONE".equalsIgnoreCase(config.auth().trim()) || config.authNoneAcknowledged()) {
            return Optional.empty();
        }
        return Optional.of("this API was deployed without authentication (CatalogApiAuth=NONE, CATALOG_API_AUTH):"
                + " anyone with its URL may start runs; choose IAM or JWT, or acknowledge it with"
                + " CatalogApiAuthNoneAcknowledged=yes (CATALOG_API_AUTH_NONE_ACKNOWLEDGED)");
    }
}
