package io.mediasync.resizer.imaging.jpeg;

/**
 * A JPEG decoded to its component planes, not to pixels: Y (and Cb, Cr for {@link ColourKind#YCC}), each at its own
 * resolution. {@code width x height} is the image's size at the decoded scale, the grid of the planes' subsampling.
 */
public record JpegPlanes(int width, int height, ColourKind colour, JpegPlane[] planes) {
}
