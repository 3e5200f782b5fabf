/**
 * Images in, renditions out: the resizer's image work, one package per step of {@code pipeline.ImageProcessor}, each
 * knowing only those below it (no cycle: {@code PackageCyclesTest}).
 * <ol>
 * <li>sniff and check the header: this package ({@link io.mediasync.resizer.imaging.ImageFormat}, {@link
 * io.mediasync.resizer.imaging.ImageInfo}, {@link io.mediasync.resizer.imaging.ImageRejectedException}), before any
 * pixel is decoded;</li>
 * <li>decode once, reduced as far as the sizes allow: {@code decode} (the built-in {@code jpeg} and {@code png}
 * decoders, ImageIO for the rest, EXIF orientation read);</li>
 * <li>colour to sRGB on white (ICC profiles, CMYK, alpha premultiplied): {@code colour};</li>
 * <li>per size, a box reduction by a whole factor shared between sizes, then Lanczos-3 to the exact size, then the
 * EXIF orientation: {@code resample};</li>
 * <li>encode each rendition as JPEG, and WebP when asked: {@code encode} ({@code webp}: the VP8 encoder).</li>
 * </ol>
 * This package holds the vocabulary every step and every caller shares (formats, modes, renditions, the rejection);
 * {@code pixels} the in-memory images ({@code RgbImage}, {@code Plane}); {@code pipeline} runs the steps in order.
 */
package io.mediasync.resizer.imaging;
