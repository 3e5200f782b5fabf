package io.mediasync.common.metrics;

/** The EMF units mediasync's metrics use (a subset of CloudWatch's StandardUnit values). */
public enum Unit {
    /** Summed within an invocation: one value per line. */
    COUNT("Count"),
    /** One value per event (an image, a file), so CloudWatch keeps the distribution. */
    BYTES("Bytes"),
    /** One value per event, so p50 and p99 are real percentiles. */
    MILLISECONDS("Milliseconds");

    private final String emf;

    Unit(String emf) {
        this.emf = emf;
    }

    public String emf() {
        return emf;
    }

    /** Counts are added up; sizes and times are kept one value each. */
    boolean summed() {
        return this == COUNT;
    }
}
