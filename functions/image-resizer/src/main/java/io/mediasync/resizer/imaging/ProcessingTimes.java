package io.mediasync.resizer.imaging;

import io.mediasync.resizer.imaging.pipeline.ImageProcessor;

/** Time spent in each stage of {@link ImageProcessor#process}, in nanoseconds. */
public record ProcessingTimes(long decodeNanos, long resizeNanos, long encodeNanos) {
}
