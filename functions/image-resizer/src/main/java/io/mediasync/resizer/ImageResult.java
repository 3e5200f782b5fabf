package io.mediasync.resizer;

import io.mediasync.common.contracts.ResizeResult;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.resizer.imaging.OutputFormat;
import io.mediasync.resizer.store.StoredImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * What became of one image field of an order, as recorded in Mongo under images.<field>. A WebP sits inside its
 * size's entry, beside the JPEG's fields, under "webp"; a JPEG-only image's record is the seed-era one, field for field.
 */
final class ImageResult {

    static final String WEBP = OutputFormat.WEBP.extension();

    private ImageResult() {
    }

    /** @param outputs each format's stored sizes, in the same order; JPEG always among them */
    static Document ok(String url, String imageId, String sha256, String format, int width, int height, long bytes,
            Map<OutputFormat, List<StoredImage>> outputs, boolean reused, Document timings) {
        Document byLabel = new Document();
        for (StoredImage image : outputs.get(OutputFormat.JPEG)) {
            byLabel.append(image.label(), new Document("url", image.url()).append("key", image.key())
                    .append("width", image.width()).append("height", image.height()).append("bytes", image.bytes()));
        }
        for (StoredImage image : outputs.getOrDefault(OutputFormat.WEBP, List.of())) {
            byLabel.get(image.label(), Document.class).append(WEBP, new Document("url", image.url())
                    .append("key", image.key()).append("bytes", image.bytes()));
        }
        return new Document("url", url).append("id", imageId).append("sha256", sha256).append("format", format)
                .append("width", width).append("height", height).append("bytes", bytes)
                .append("outputs", byLabel).append("reused", reused).append("timingsMs", timings);
    }

    static Document error(String url, String code, String reason) {
        return new Document("url", url).append("error", RecordedError.of(code, reason).toDocument());
    }

    static boolean succeeded(Document image) {
        return image != null && image.get("outputs") instanceof Document;
    }

    /**
     * The seed's {label: {"url": ..., "bucket_path": ...}} for the result message, and {"webp": {"url": ...}} in a
     * size's entry when its WebP was made: a client that reads only url and bucket_path sees what it always saw.
     */
    static ResizeResult.Field info(Document image, String bucketPath) {
        Map<String, ResizeResult.Size> sizes = new LinkedHashMap<>();
        image.get("outputs", Document.class).forEach((label, value) -> {
            Document output = (Document) value;
            String webpUrl = output.get(WEBP) instanceof Document webp ? webp.getString("url") : null;
            sizes.put(label, new ResizeResult.Size(output.getString("url"), bucketPath, webpUrl));
        });
        return ResizeResult.Field.resized(sizes);
    }

    /** Why the image has no sizes, as its record holds it. */
    static RecordedError errorOf(Document image) {
        return RecordedError.read(image.get("error", Document.class));
    }

    /** The same, as the result message reports it. */
    static ResizeResult.Failure failure(Document image) {
        RecordedError error = errorOf(image);
        return new ResizeResult.Failure(error.code(), error.reason());
    }
}
