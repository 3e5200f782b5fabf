package io.mediasync.common.contracts;

/**
 * The fields of a {@code sources} document that more than one function reads or writes: catalog-sync creates and
 * updates sources, source-sync reads them to sync (operators may write them by hand too). The seed's names are kept
 * as the seeds spell them. What each function alone writes is named in its own module (catalog-sync's
 * {@code SourceOwnership}, source-sync's {@code SourceRecord}).
 */
public final class SourceFields {

    /** Seed: the source's integer id (unique index); a catalog item's id. */
    public static final String SOURCE_ID = "source_id";
    /** Seed: where the source's listing is fetched from. */
    public static final String URL = "url";
    /** Seed: where its files go in the content bucket. */
    public static final String CONTENT_PATH = "content_path";
    /** Seed: false = not synced; missing counts as on (the seed synced every source). */
    public static final String ENABLED = "enabled";
    /** When any function last wrote the source. */
    public static final String UPDATED_AT = "updatedAt";

    private SourceFields() {
    }
}
