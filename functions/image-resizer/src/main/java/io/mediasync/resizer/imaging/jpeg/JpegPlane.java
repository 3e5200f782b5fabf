package io.mediasync.resizer.imaging.jpeg;

/**
 * One component's decoded samples: {@code width x height} bytes, rows {@code stride} apart. Each sample covers
 * {@code subsamplingX x subsamplingY} pixels of the image's grid (2 x 2 for the chroma of a 4:2:0 JPEG).
 * {@code means} is the same plane reduced by {@code meansFactor} (a sample per block, the block's mean), or null.
 */
public record JpegPlane(byte[] samples, int width, int height, int stride, int subsamplingX, int subsamplingY,
        JpegPlane means, int meansFactor) {
}
