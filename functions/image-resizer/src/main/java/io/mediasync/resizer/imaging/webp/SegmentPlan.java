package io.mediasync.resizer.imaging.webp;

/** The segments of a frame, which segment each macroblock belongs to, and the chroma quantiser deltas. */
record SegmentPlan(Segment[] segments, byte[] map, int uvDcDelta, int uvAcDelta) {
}
