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
import io.mediasync.resizer.imaging.ImageProcessor;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.ProcessedImage;
import io.mediasync.resizer.imaging.Rendition;
import io.mediasync.resizer.imaging.SizeSpec;
import io.mediasync.resizer.store.ImageStore;
import io.mediasync.resizer.store.StoredImage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * One image field of an order: download, then either find the resized images an earlier order of
 * the same bytes made, or decode once, resize to every size and upload.
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

    /** @return the record of the outputs; permanent problems are thrown as {@link ImageRejectedException} or non-retryable {@link SourceFetchException} */
    public Document make(String url, String bucketName, Deadline deadline)
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

        List<StoredImage> existing = new ArrayList<>();
        for (SizeSpec size : sizes) {
            Optional<StoredImage> found = store.find(size.label(), ResizedImageKeys.key(bucketName, imageId, size.label()), deadline);
            if (found.isEmpty()) {
                break;
            }
            existing.add(found.get());
        }
        if (existing.size() == sizes.size()) {
            Document timings = new Document("download", ms(t0, t1)).append("total", ms(t0, System.nanoTime()));
            return ImageResult.ok(url, imageId, sha256, info.format().name().toLowerCase(), info.width(), info.height(),
                    source.length, existing, true, timings);
        }

        if (deadline.passed()) { // the download took the message's time: decoding now would run past it
            throw new FailureException("timed_out", "no time left to resize " + url + " after its download", true, null);
        }
        ProcessedImage processed = processor.process(source, sizes);
        long t2 = System.nanoTime();
        List<StoredImage> stored = new ArrayList<>();
        for (Rendition rendition : processed.renditions()) {
            stored.add(store.put(ResizedImageKeys.key(bucketName, imageId, rendition.size().label()), rendition, deadline));
        }
        long t3 = System.nanoTime();
        made(processed, t3 - t2);
        Document timings = new Document("download", ms(t0, t1)).append("process", ms(t1, t2)).append("upload", ms(t2, t3))
                .append("total", ms(t0, t3));
        return ImageResult.ok(url, imageId, sha256, processed.format().name().toLowerCase(), processed.width(),
                processed.height(), source.length, stored, false, timings);
    }

    /** Counted here, not in ImageProcessor: the SnapStart priming and the warm-up run that too, and are no traffic. */
    private static void made(ProcessedImage processed, long storeNanos) {
        Metrics.count(Metric.DECODED, processed.decodePath().label(), 1);
        Metrics.nanos(Metric.DECODE_TIME, processed.times().decodeNanos());
        Metrics.nanos(Metric.RESIZE_TIME, processed.times().resizeNanos());
        Metrics.nanos(Metric.ENCODE_TIME, processed.times().encodeNanos());
        Metrics.nanos(Metric.STORE_TIME, storeNanos);
        Metrics.value(Metric.BYTES_OUT, processed.renditions().stream().mapToLong(r -> r.jpeg().length).sum());
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
