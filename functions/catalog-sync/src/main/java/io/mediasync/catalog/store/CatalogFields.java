package io.mediasync.catalog.store;

/**
 * The fields of {@code sources} only catalog-sync writes, named once; those source-sync reads too are common's
 * {@link io.mediasync.common.contracts.SourceFields}. {@code sources} is shared with source-sync (which owns the sync
 * state: {@code lastSync*}, files, …), so it is no record of this module: a run writes only these and the shared
 * ones, by atomic updates on {@code source_id}.
 */
public final class CatalogFields {

    /** The catalog item's other fields. */
    public static final String CATALOG = "catalog";
    /** Who created the source; catalog-sync changes only those it created ({@link #CREATED_BY_CATALOG}). */
    public static final String CREATED_BY = "createdBy";
    /** The value of {@link #CREATED_BY} on the sources catalog-sync created. */
    public static final String CREATED_BY_CATALOG = "catalog-sync";
    /** When a run adopted a source the catalog wrote before ownership was recorded. */
    public static final String CREATED_BY_ADOPTED_AT = "createdByAdoptedAt";
    /** When a run last wrote the source. */
    public static final String CATALOG_SYNCED_AT = "catalogSyncedAt";
    /** When a complete listing first no longer held it (it was disabled then); removed when it comes back. */
    public static final String REMOVED_FROM_CATALOG_AT = "removedFromCatalogAt";
    public static final String CREATED_AT = "createdAt";

    private CatalogFields() {
    }
}
