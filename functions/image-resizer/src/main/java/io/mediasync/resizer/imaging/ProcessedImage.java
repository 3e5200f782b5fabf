package io.mediasync.resizer.imaging;

import java.util.List;

/**
 * The result of processing one source: width/height are the source's, after EXIF orientation; {@code times} says
 * where the time went, {@code decodePath} which decoder made the pixels.
 */
public record ProcessedImage(ImageFormat format, int width, int height, List<Rendition> renditions, ProcessingTimes times,
        DecodePath decodePath) {
}
