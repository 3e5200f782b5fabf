package io.mediasync.common.metrics;

/**
 * The one dimension a metric may have besides {@code Function}, each with a small fixed set of values, so the number of
 * metrics (and what CloudWatch charges for them) stays bounded: see the README's metric catalogue.
 */
public enum Breakdown {
    /** A failure's code, bounded by {@link ReasonCodes#bounded}. */
    REASON("Reason"),
    /** 2xx, 3xx, 4xx, 5xx or network_error: {@link StatusClass}. */
    STATUS_CLASS("StatusClass"),
    /** planes, pixels or imageio: how the resizer decoded a source. */
    DECODE_PATH("DecodePath");

    private final String dimension;

    Breakdown(String dimension) {
        this.dimension = dimension;
    }

    /** The dimension's name in CloudWatch. */
    public String dimension() {
        return dimension;
    }
}
