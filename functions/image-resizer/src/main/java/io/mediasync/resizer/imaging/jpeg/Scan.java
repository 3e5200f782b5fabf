package io.mediasync.resizer.imaging.jpeg;

/** One SOS segment: the components it codes (tables already attached to them) and its progression parameters. */
record Scan(Component[] components, int spectralStart, int spectralEnd, int approxHigh, int approxLow, int dataStart) {

    boolean interleaved() {
        return components.length > 1;
    }
}
