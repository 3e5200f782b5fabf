package io.mediasync.resizer;

import io.mediasync.common.failure.FailureException;
import io.mediasync.common.hash.Sha256;
import io.mediasync.common.images.ResizedImageKeys;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.metrics.Metric;
import io.mediasync.common.metrics.Metrics;
import io.mediasync.resizer.Producers.OutputSizes;
import io.mediasync.resizer.fetch.SourceFetchException;
import io.mediasync.resizer.fetch.SourceFetcher;
import io.mediasync.resizer.imaging.ImageInfo;
import io.mediasync.resizer.imaging.pipeline.ImageProcessor;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.OutputFormat;
import io.mediasync.resizer.imaging.ProcessedImage;
import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.store.ImageRecord;
import io.mediasync.resizer.store.ImageStore;
import io.mediasync.resizer.store.StoredImage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One image field of an order: download, then either find the resized images an earlier order of the same bytes
 * made, or decode once, resize to every size and upload. Reuse is decided format by format: an image stored as JPEG
 * only, ordered now with WebP, gets its WebPs made and keeps its JPEGs (the same pixels would give the same files).
 */
@ApplicationScoped
public class ImageMaker {

    private final SourceFetcher fetcher;
    private final ImageProcessor processor;
    private final ImageStore store;
    private final List<SizeSpec> sizes;

    public ImageMaker(SourceFetcher fetcher, ImageProcessor processor, ImageStore store, OutputSizes sizes) {
        this.fetcher = fetcher;
        this.processor = processor;
        this.store = store;
        this.sizes = sizes.sizes();
    }

    /**
     * @param formats the files each size is written as (JPEG among them): at most the configured sizes x 2 files
     * @return the record of the outputs; permanent problems are thrown as {@link ImageRejectedException} or non-retryable {@link SourceFetchException}
     */
    public ImageRecord make(String url, String bucketName, Set<OutputFormat> formats, Deadline deadline)
            throws SourceFetchException, ImageRejectedException, FailureException {
        long t0 = System.nanoTime();
        byte[] source = fetcher.fetch(url, deadline);
        long t1 = System.nanoTime();
        Metrics.value(Metric.BYTES_IN, source.length);
        Metrics.nanos(Metric.DOWNLOAD_TIME, t1 - t0);
        String sha256 = Sha256.hex(source);
        // the id comes from the bytes: the same image is stored once however often it is ordered
        String imageId = ResizedImageKeys.imageId(sha256);
        ImageInfo info = processor.probe(source);

        Map<OutputFormat, List<StoredImage>> outputs = new EnumMap<>(OutputFormat.class);
        Set<OutputFormat> missing = EnumSet.noneOf(OutputFormat.class);
        for (OutputFormat format : formats) {
            Optional<List<StoredImage>> found = store.findAll(bucketName, imageId, sizes, format, deadline);
            found.ifPresentOrElse(images -> outputs.put(format, images), () -> missing.add(format));
        }
        if (missing.isEmpty()) {
            Map<String, Long> timings = new LinkedHashMap<>();
            timings.put(ImageRecord.DOWNLOAD, ms(t0, t1));
            timings.put(ImageRecord.TOTAL, ms(t0, System.nanoTime()));
            return ImageRecord.ok(url, imageId, sha256, info.format().name().toLowerCase(), info.width(), info.height(),
                    source.length, outputs, true, timings);
        }

        if (deadline.passed()) { // the download took the message's time: decoding now would run past it
            throw new FailureException("timed_out", "no time left to resize " + url + " after its download", true, null);
        }
        ProcessedImage processed = processor.process(source, sizes, missing);
        long t2 = System.nanoTime();
        outputs.putAll(store.putAll(bucketName, imageId, processed.renditions(), missing, deadline));
        long t3 = System.nanoTime();
        made(processed, t3 - t2);
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put(ImageRecord.DOWNLOAD, ms(t0, t1));
        timings.put(ImageRecord.PROCESS, ms(t1, t2));
        timings.put(ImageRecord.UPLOAD, ms(t2, t3));
        timings.put(ImageRecord.TOTAL, ms(t0, t3));
        return ImageRecord.ok(url, imageId, sha256, processed.format().name().toLowerCase(), processed.width(),
                processed.height(), source.length, outputs, false, timings);
    }

    /** Counted here, not in ImageProcessor: the SnapStart priming and the warm-up run that too, and are no traffic. */
    private static void made(ProcessedImage processed, long storeNanos) {
        Metrics.count(Metric.DECODED, processed.decodePath().label(), 1);
        Metrics.nanos(Metric.DECODE_TIME, processed.times().decodeNanos());
        Metrics.nanos(Metric.RESIZE_TIME, processed.times().resizeNanos());
        Metrics.nanos(Metric.ENCODE_TIME, processed.times().encodeNanos());
        Metrics.nanos(Metric.STORE_TIME, storeNanos);
        // every file made: the JPEGs, and the WebPs where the order asked for them
        Metrics.value(Metric.BYTES_OUT, processed.renditions().stream()
                .mapToLong(r -> (r.jpeg() == null ? 0 : r.jpeg().length) + (r.webp() == null ? 0 : r.webp().length)).sum());
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
