package io.mediasync.catalog.store;

/**
 * The fields of {@code sources} catalog-sync reads and writes, named once. {@code sources} is shared with
 * source-sync (which owns the sync state: {@code lastSync*}, files, …), so it is no record of this module: a run writes
 * only these, by atomic updates on {@code source_id}. The seed's names ({@code source_id}, {@code url},
 * {@code content_path}, {@code enabled}) are kept as the seeds spell them; the rest are the system's camelCase.
 */
public final class SourceFields {

    /** Seed: the source's id (unique index), the catalog item's id. */
    public static final String SOURCE_ID = "source_id";
    /** Seed: where the source is fetched from. */
    public static final String URL = "url";
    /** Seed: where its files go. */
    public static final String CONTENT_PATH = "content_path";
    /** Seed: false = not synced (a listing no longer holds it, or the catalog says so). */
    public static final String ENABLED = "enabled";
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
    public static final String UPDATED_AT = "updatedAt";

    private SourceFields() {
    }
}
