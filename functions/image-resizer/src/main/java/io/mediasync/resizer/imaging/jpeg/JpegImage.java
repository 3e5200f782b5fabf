package io.mediasync.resizer.imaging.jpeg;

/**
 * A decoded JPEG: {@code pixels} holds {@code width x height} pixels of {@link ColourKind#bands()} bytes, packed
 * rows: B, G, R for GRAY, YCC and RGB; C, M, Y, K for CMYK and YCCK. {@code iccProfile} is the embedded profile's
 * bytes, or null.
 */
public record JpegImage(int width, int height, ColourKind colour, byte[] pixels, byte[] iccProfile) {
}
