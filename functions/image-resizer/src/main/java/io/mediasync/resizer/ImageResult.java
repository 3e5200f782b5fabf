package io.mediasync.resizer;

import io.mediasync.resizer.store.StoredImage;
import java.util.List;
import org.bson.Document;

/** What became of one image field of an order, as recorded in Mongo under images.<field>. */
final class ImageResult {

    private ImageResult() {
    }

    static Document ok(String url, String imageId, String sha256, String format, int width, int height, long bytes,
            List<StoredImage> outputs, boolean reused, Document timings) {
        Document byLabel = new Document();
        for (StoredImage image : outputs) {
            byLabel.append(image.label(), new Document("url", image.url()).append("key", image.key())
                    .append("width", image.width()).append("height", image.height()).append("bytes", image.bytes()));
        }
        return new Document("url", url).append("id", imageId).append("sha256", sha256).append("format", format)
                .append("width", width).append("height", height).append("bytes", bytes)
                .append("outputs", byLabel).append("reused", reused).append("timingsMs", timings);
    }

    static Document error(String url, String code, String reason) {
        return new Document("url", url).append("error", new Document("code", code).append("reason", reason));
    }

    static boolean succeeded(Document image) {
        return image != null && image.get("outputs") instanceof Document;
    }

    /** The seed's {label: {"url": ..., "bucket_path": ...}} for the result message. */
    static Document info(Document image, String bucketPath) {
        Document info = new Document();
        image.get("outputs", Document.class).forEach((label, output) ->
                info.append(label, new Document("url", ((Document) output).getString("url")).append("bucket_path", bucketPath)));
        return info;
    }
}
