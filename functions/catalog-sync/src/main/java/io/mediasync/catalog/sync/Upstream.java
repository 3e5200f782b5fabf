package io.mediasync.catalog.sync;

import io.mediasync.catalog.fetch.CatalogClient;
import java.util.Optional;

/**
 * The configured catalog API, or why there is none: the function starts without CATALOG_API_URL (a stack deployed
 * before the catalog exists) and each run then ends with reason {@code not_configured}.
 */
public record Upstream(Optional<CatalogClient> client, String problem) {
}
