package io.mediasync.resizer.imaging.jpeg;

/**
 * One component's decoded samples: {@code width x height} bytes, rows {@code stride} apart. Each sample covers
 * {@code subsamplingX x subsamplingY} pixels of the image's grid (2 x 2 for the chroma of a 4:2:0 JPEG), and is
 * their mean in the full-size decode.
 */
public record JpegPlane(byte[] samples, int width, int height, int stride, int subsamplingX, int subsamplingY) {
}
