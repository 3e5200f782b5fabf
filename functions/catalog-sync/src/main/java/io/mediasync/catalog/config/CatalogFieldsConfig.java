package io.mediasync.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the API's JSON maps onto a source (names, comma-separated where several are tried in order). */
@ConfigMapping(prefix = "mediasync.catalog.fields")
public interface CatalogFieldsConfig {

    /** CATALOG_FIELD_ID: the item's id field(s), first present wins; stored as {@code source_id}. */
    @WithDefault("${CATALOG_FIELD_ID:id,source_id}")
    String id();

    /** CATALOG_FIELD_URL. */
    @WithDefault("${CATALOG_FIELD_URL:url}")
    String url();

    /** CATALOG_FIELD_CONTENT_PATH. */
    @WithDefault("${CATALOG_FIELD_CONTENT_PATH:content_path}")
    String contentPath();

    /** CATALOG_FIELD_ENABLED: missing in an item = enabled. */
    @WithDefault("${CATALOG_FIELD_ENABLED:enabled}")
    String enabled();

    /** CATALOG_ITEMS_FIELDS: where an object answer holds its array of items. */
    @WithDefault("${CATALOG_ITEMS_FIELDS:data,items,results}")
    String items();

    /** CATALOG_NEXT_FIELD: the next page's URL in an object answer (a Link rel="next" header works too). */
    @WithDefault("${CATALOG_NEXT_FIELD:next}")
    String next();
}
