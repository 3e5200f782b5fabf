package io.mediasync.resizer.imaging.webp;

/**
 * A WebP file and the picture every conforming decoder makes of it: the VP8 frame's planes after the loop
 * filter, 4:2:0 ({@code y} is {@code width x height}, {@code u} and {@code v} are {@code (width + 1) / 2 x
 * (height + 1) / 2}, rows packed), and the alpha plane exactly as given ({@code null} for an opaque picture).
 * Converting these planes to RGB is the decoder's choice (upsampling, rounding), not part of the format.
 */
public record WebpEncoding(byte[] file, int width, int height, byte[] y, byte[] u, byte[] v, byte[] alpha) {
}
