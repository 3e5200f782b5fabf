package io.mediasync.common.metrics;

/**
 * Every metric mediasync emits, in one place: its name, unit and (at most one) breakdown besides {@code Function}. A
 * closed list keeps the namespace's metric count, and so its cost, bounded and documented (README, "Metrics"); a test
 * checks the README names each one.
 */
public enum Metric {
    // What became of each SQS message (SqsBatches, every SQS function): exactly one per receive.
    DONE("Done", Unit.COUNT, null),
    REJECTED("Rejected", Unit.COUNT, Breakdown.REASON),
    RETRIED("Retried", Unit.COUNT, Breakdown.REASON),
    TIMED_OUT("TimedOut", Unit.COUNT, null),
    HELD_BACK("HeldBack", Unit.COUNT, null),
    DEAD_LETTERED("DeadLettered", Unit.COUNT, Breakdown.REASON),
    /** The first invocation of an execution environment (a restore, under SnapStart). */
    COLD_START("ColdStart", Unit.COUNT, null),

    // PostbackSender: every POST to a receiver, and how long it took.
    POSTBACK_ATTEMPTS("PostbackAttempts", Unit.COUNT, Breakdown.STATUS_CLASS),
    POSTBACK_TIME("PostbackTime", Unit.MILLISECONDS, null),

    // image-resizer, per source image.
    BYTES_IN("BytesIn", Unit.BYTES, null),
    BYTES_OUT("BytesOut", Unit.BYTES, null),
    DECODED("Decoded", Unit.COUNT, Breakdown.DECODE_PATH),
    DOWNLOAD_TIME("DownloadTime", Unit.MILLISECONDS, null),
    DECODE_TIME("DecodeTime", Unit.MILLISECONDS, null),
    RESIZE_TIME("ResizeTime", Unit.MILLISECONDS, null),
    ENCODE_TIME("EncodeTime", Unit.MILLISECONDS, null),
    STORE_TIME("StoreTime", Unit.MILLISECONDS, null),

    // source-downloader: per completed run (the run record's counts), and every body fetched.
    FILES_NEW("FilesNew", Unit.COUNT, null),
    FILES_UNCHANGED("FilesUnchanged", Unit.COUNT, null),
    FILES_DELETED("FilesDeleted", Unit.COUNT, null),
    FILES_FAILED("FilesFailed", Unit.COUNT, null),
    BYTES_DOWNLOADED("BytesDownloaded", Unit.BYTES, null),

    // catalog-sync: per run, and every token obtained.
    CATALOG_PAGES("CatalogPages", Unit.COUNT, null),
    SOURCES_UPSERTED("SourcesUpserted", Unit.COUNT, null),
    SOURCES_DISABLED("SourcesDisabled", Unit.COUNT, null),
    TOKEN_RENEWALS("TokenRenewals", Unit.COUNT, null),

    // collection-resync: the run record's counts, as each step adds them.
    DOCUMENTS_PROVIDED("DocumentsProvided", Unit.COUNT, null),
    DOCUMENTS_ORDERED("DocumentsOrdered", Unit.COUNT, null),
    DOCUMENTS_APPLIED("DocumentsApplied", Unit.COUNT, null),
    DOCUMENTS_STALE("DocumentsStale", Unit.COUNT, null),
    DOCUMENTS_FAILED("DocumentsFailed", Unit.COUNT, null);

    private final String emfName;
    private final Unit unit;
    private final Breakdown breakdown;

    Metric(String emfName, Unit unit, Breakdown breakdown) {
        this.emfName = emfName;
        this.unit = unit;
        this.breakdown = breakdown;
    }

    /** The metric's name in CloudWatch. */
    public String emfName() {
        return emfName;
    }

    public Unit unit() {
        return unit;
    }

    /** The dimension this metric is also published by, or null: {@code Function} alone. */
    public Breakdown breakdown() {
        return breakdown;
    }
}
