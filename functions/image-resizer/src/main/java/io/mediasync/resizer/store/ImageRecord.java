package io.mediasync.resizer.store;

import static io.mediasync.common.mongo.StoredNumber.asInt;
import static io.mediasync.common.mongo.StoredNumber.asLong;

import io.mediasync.common.contracts.ResizeResult;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.resizer.imaging.OutputFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * What became of one image field of an order, as its record keeps it under {@code images.<field>}: the source and its
 * stored sizes, or the source and why it has none. A JPEG-only image's entry is the seed-era one, field for field; a
 * WebP sits inside its size's entry, beside the JPEG's fields. Made here from the stored files, and turned here into
 * the field's entry in the result message ({@link #info}, {@link #failure}).
 *
 * @param id        the stored images' id, from the source's bytes (the same image is stored once)
 * @param bytes     the source's size
 * @param outputs   each size's files by label, in the configured order; null for a field that failed
 * @param reused    the files were already stored by an earlier order of the same bytes
 * @param timingsMs milliseconds per step ({@code download}, {@code process}, {@code upload}, {@code total})
 */
public record ImageRecord(String url, String id, String sha256, String format, int width, int height, long bytes,
        Map<String, Output> outputs, boolean reused, Map<String, Long> timingsMs, RecordedError error) {

    public static final String URL = "url";
    public static final String ID = "id";
    public static final String SHA256 = "sha256";
    public static final String FORMAT = "format";
    public static final String WIDTH = "width";
    public static final String HEIGHT = "height";
    public static final String BYTES = "bytes";
    public static final String OUTPUTS = "outputs";
    public static final String REUSED = "reused";
    public static final String TIMINGS_MS = "timingsMs";
    public static final String ERROR = "error";
    /** The steps under {@code timingsMs}: a reused image has no process or upload. */
    public static final String DOWNLOAD = "download";
    public static final String PROCESS = "process";
    public static final String UPLOAD = "upload";
    public static final String TOTAL = "total";

    /** @param outputs each format's stored sizes, in the same order; JPEG always among them */
    public static ImageRecord ok(String url, String imageId, String sha256, String format, int width, int height,
            long bytes, Map<OutputFormat, List<StoredImage>> outputs, boolean reused, Map<String, Long> timingsMs) {
        Map<String, WebpFile> webps = new LinkedHashMap<>();
        for (StoredImage image : outputs.getOrDefault(OutputFormat.WEBP, List.of())) {
            webps.put(image.label(), new WebpFile(image.url(), image.key(), image.bytes()));
        }
        Map<String, Output> byLabel = new LinkedHashMap<>();
        for (StoredImage image : outputs.get(OutputFormat.JPEG)) {
            byLabel.put(image.label(), new Output(image.url(), image.key(), image.width(), image.height(),
                    image.bytes(), webps.get(image.label())));
        }
        return new ImageRecord(url, imageId, sha256, format, width, height, bytes, byLabel, reused, timingsMs, null);
    }

    /** A field with no sizes, for good: {@code {url, error}}. */
    public static ImageRecord failed(String url, RecordedError error) {
        return new ImageRecord(url, null, null, null, 0, 0, 0, null, false, null, error);
    }

    public static ImageRecord failed(String url, String code, String reason) {
        return failed(url, RecordedError.of(code, reason));
    }

    /** Its sizes are stored: an attempt after this one leaves the field alone. */
    public boolean succeeded() {
        return outputs != null;
    }

    public Document toDocument() {
        if (!succeeded()) {
            return new Document(URL, url).append(ERROR, error.toDocument());
        }
        Document byLabel = new Document();
        outputs.forEach((label, output) -> byLabel.append(label, output.toDocument()));
        return new Document(URL, url).append(ID, id).append(SHA256, sha256).append(FORMAT, format).append(WIDTH, width)
                .append(HEIGHT, height).append(BYTES, bytes).append(OUTPUTS, byLabel).append(REUSED, reused)
                .append(TIMINGS_MS, new Document(new LinkedHashMap<String, Object>(timingsMs)));
    }

    /**
     * The seed's {label: {"url": ..., "bucket_path": ...}} for the result message, and {"webp": {"url": ...}} in a
     * size's entry when its WebP was made: a client that reads only url and bucket_path sees what it always saw.
     */
    public ResizeResult.Field info(String bucketPath) {
        Map<String, ResizeResult.Size> sizes = new LinkedHashMap<>();
        outputs.forEach((label, output) ->
                sizes.put(label, new ResizeResult.Size(output.url(), bucketPath, output.webp() == null ? null : output.webp().url())));
        return ResizeResult.Field.resized(sizes);
    }

    /** Why the field has no sizes, as the result message reports it. */
    public ResizeResult.Failure failure() {
        return new ResizeResult.Failure(error.code(), error.reason());
    }

    /** The stored entry, or null when no attempt has recorded the field yet. */
    public static ImageRecord read(Document stored) {
        if (stored == null) {
            return null;
        }
        Document byLabel = stored.get(OUTPUTS, Document.class);
        if (byLabel == null) {
            return failed(stored.getString(URL), RecordedError.read(stored.get(ERROR, Document.class)));
        }
        Map<String, Output> outputs = new LinkedHashMap<>();
        byLabel.forEach((label, output) -> outputs.put(label, Output.read((Document) output)));
        Map<String, Long> timings = new LinkedHashMap<>();
        stored.get(TIMINGS_MS, new Document()).forEach((step, ms) -> timings.put(step, ((Number) ms).longValue()));
        return new ImageRecord(stored.getString(URL), stored.getString(ID), stored.getString(SHA256),
                stored.getString(FORMAT), asInt(stored.get(WIDTH), 0), asInt(stored.get(HEIGHT), 0), asLong(stored.get(BYTES), 0),
                outputs, Boolean.TRUE.equals(stored.getBoolean(REUSED)), timings, null);
    }

    /** One size's stored JPEG, and its WebP when the order asked for one (null otherwise). */
    public record Output(String url, String key, int width, int height, long bytes, WebpFile webp) {

        public static final String KEY = "key";
        public static final String WEBP = "webp";

        Document toDocument() {
            Document stored = new Document(URL, url).append(KEY, key).append(WIDTH, width).append(HEIGHT, height)
                    .append(BYTES, bytes);
            return webp == null ? stored : stored.append(WEBP, webp.toDocument());
        }

        static Output read(Document stored) {
            Document webp = stored.get(WEBP, Document.class);
            return new Output(stored.getString(URL), stored.getString(KEY), asInt(stored.get(WIDTH), 0),
                    asInt(stored.get(HEIGHT), 0), asLong(stored.get(BYTES), 0),
                    webp == null ? null : new WebpFile(webp.getString(URL), webp.getString(KEY), asLong(webp.get(BYTES), 0)));
        }
    }

    /** A size's WebP beside its JPEG: its URL, key and size (the same pixels, so no dimensions of its own). */
    public record WebpFile(String url, String key, long bytes) {

        Document toDocument() {
            return new Document(URL, url).append(Output.KEY, key).append(BYTES, bytes);
        }
    }
}
