package io.mediasync.resizer;

import io.mediasync.common.contracts.ResizeResult;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.resizer.imaging.OutputFormat;
import io.mediasync.resizer.store.ImageRecord;
import io.mediasync.resizer.store.StoredImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One image field of an order, from its stored files to its {@link ImageRecord} (the order record's
 * {@code images.<field>}) and from that record to its entry in the result message.
 */
final class ImageResult {

    private ImageResult() {
    }

    /** @param outputs each format's stored sizes, in the same order; JPEG always among them */
    static ImageRecord ok(String url, String imageId, String sha256, String format, int width, int height, long bytes,
            Map<OutputFormat, List<StoredImage>> outputs, boolean reused, Map<String, Long> timingsMs) {
        Map<String, ImageRecord.WebpFile> webps = new LinkedHashMap<>();
        for (StoredImage image : outputs.getOrDefault(OutputFormat.WEBP, List.of())) {
            webps.put(image.label(), new ImageRecord.WebpFile(image.url(), image.key(), image.bytes()));
        }
        Map<String, ImageRecord.Output> byLabel = new LinkedHashMap<>();
        for (StoredImage image : outputs.get(OutputFormat.JPEG)) {
            byLabel.put(image.label(), new ImageRecord.Output(image.url(), image.key(), image.width(), image.height(),
                    image.bytes(), webps.get(image.label())));
        }
        return new ImageRecord(url, imageId, sha256, format, width, height, bytes, byLabel, reused, timingsMs, null);
    }

    static ImageRecord error(String url, String code, String reason) {
        return ImageRecord.failed(url, RecordedError.of(code, reason));
    }

    /**
     * The seed's {label: {"url": ..., "bucket_path": ...}} for the result message, and {"webp": {"url": ...}} in a
     * size's entry when its WebP was made: a client that reads only url and bucket_path sees what it always saw.
     */
    static ResizeResult.Field info(ImageRecord image, String bucketPath) {
        Map<String, ResizeResult.Size> sizes = new LinkedHashMap<>();
        image.outputs().forEach((label, output) ->
                sizes.put(label, new ResizeResult.Size(output.url(), bucketPath, output.webp() == null ? null : output.webp().url())));
        return ResizeResult.Field.resized(sizes);
    }

    /** Why the image has no sizes, as the result message reports it. */
    static ResizeResult.Failure failure(ImageRecord image) {
        return new ResizeResult.Failure(image.error().code(), image.error().reason());
    }
}
