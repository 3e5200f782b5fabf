package io.mediasync.resync.store;

/**
 * A document provide marks as changed: its storage row is upserted with why.
 *
 * @param relatedTo the row key of the document whose change made this one related (related rows only)
 * @param force     a manual run asked to resize its images even if unchanged
 */
public record ProvidedRow(String collection, Object docId, String reason, String relatedTo, boolean force) {
}
