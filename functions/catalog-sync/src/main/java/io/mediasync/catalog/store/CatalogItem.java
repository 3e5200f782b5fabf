package io.mediasync.catalog.store;

import org.bson.Document;

/**
 * One item of the listing as a source: the fields catalog-sync owns ({@code url}, {@code content_path},
 * {@code enabled}) and every other field under {@code catalog}. {@code problem} is set when the item cannot be
 * stored (its source, if its id is known, is left as it is and counted {@code invalid}).
 */
public record CatalogItem(Long sourceId, String url, String contentPath, boolean enabled, Document catalog, String problem) {

    public static CatalogItem invalid(Long sourceId, String problem) {
        return new CatalogItem(sourceId, null, null, true, null, problem);
    }

    public boolean valid() {
        return problem == null;
    }
}
