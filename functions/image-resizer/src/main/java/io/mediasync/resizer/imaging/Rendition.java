package io.mediasync.resizer.imaging;

/** One produced size: the requested spec, the actual pixel size, and the encoded JPEG bytes. */
public record Rendition(SizeSpec size, int width, int height, byte[] jpeg) {
}
