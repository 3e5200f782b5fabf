package io.mediasync.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What one run may take from the partner's feed, whatever it sends. Defaults and variable names are in the
 * @WithDefault (one place). A forced run ({@code PATCH /api/syncall?force=true}) lifts the share of
 * disabled sources and the count of new ones, never the sizes.
 */
@ConfigMapping(prefix = "mediasync.catalog.limits")
public interface CatalogLimitsConfig {

    /** CATALOG_MAX_DISABLE_SHARE: the most of the catalog's enabled sources one run may disable (0.2 = 20 %). */
    @WithDefault("${CATALOG_MAX_DISABLE_SHARE:0.2}")
    double maxDisableShare();

    /** CATALOG_MAX_NEW_SOURCES: sources one run may create once the catalog owns any (the first import is not limited). */
    @WithDefault("${CATALOG_MAX_NEW_SOURCES:1000}")
    int maxNewSources();

    /** CATALOG_MAX_ITEM_BYTES: the largest item (its JSON) stored; a larger one is skipped as invalid. */
    @WithDefault("${CATALOG_MAX_ITEM_BYTES:16384}")
    int maxItemBytes();

    /** CATALOG_MAX_PAGE_ITEMS: the most items one page may hold; a larger page ends the run (page_too_large). */
    @WithDefault("${CATALOG_MAX_PAGE_ITEMS:1000}")
    int maxPageItems();

    /** CATALOG_RECORDED_SKIPS: skipped items listed in the run record with their reason (the counts stay exact). */
    @WithDefault("${CATALOG_RECORDED_SKIPS:100}")
    int recordedSkips();
}
