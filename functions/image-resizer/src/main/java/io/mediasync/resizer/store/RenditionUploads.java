package io.mediasync.resizer.store;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.resizer.imaging.OutputFormat;
import io.mediasync.resizer.imaging.Rendition;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.MDC;

/**
 * An image's files to S3 at once rather than one after another: a thumbnail's PUT mostly waits on S3 (tens of
 * milliseconds in AWS), so an order's 3 files (6 with WebP) cost about one PUT's wait instead of their sum (bench
 * order). Every PUT has ended, done or failed, before {@link #putAll} returns: none runs on into the next invocation
 * or into a SnapStart snapshot.
 */
@ApplicationScoped
public class RenditionUploads {

    private final ImageStore store;
    /** Threads on demand: at most one per file of the largest order (sizes x formats), idle ones end after a minute. */
    private final ExecutorService uploads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "mediasync-s3-put");
        thread.setDaemon(true);
        return thread;
    });

    public RenditionUploads(ImageStore store) {
        this.store = store;
    }

    /** @return each format's stored files, in the renditions' order; the first failure is thrown once all have ended */
    public Map<OutputFormat, List<StoredImage>> putAll(String bucketName, String imageId, List<Rendition> renditions,
            Set<OutputFormat> formats, Deadline deadline) {
        Map<String, Object> logContext = MDC.getMap(); // the order's log fields on the uploads' own lines too
        Map<OutputFormat, List<Future<StoredImage>>> pending = new EnumMap<>(OutputFormat.class);
        for (OutputFormat format : formats) {
            for (Rendition rendition : renditions) {
                pending.computeIfAbsent(format, f -> new ArrayList<>()).add(uploads.submit(() -> {
                    logContext.forEach(MDC::put);
                    try {
                        return store.put(bucketName, imageId, rendition, format, deadline);
                    } finally {
                        MDC.clear();
                    }
                }));
            }
        }
        Map<OutputFormat, List<StoredImage>> stored = new EnumMap<>(OutputFormat.class);
        RuntimeException first = null;
        for (Map.Entry<OutputFormat, List<Future<StoredImage>>> format : pending.entrySet()) {
            List<StoredImage> files = new ArrayList<>();
            for (Future<StoredImage> upload : format.getValue()) {
                try {
                    files.add(awaitUninterruptibly(upload));
                } catch (RuntimeException e) {
                    first = first == null ? e : first;
                }
            }
            stored.put(format.getKey(), files);
        }
        if (first != null) {
            throw first;
        }
        return stored;
    }

    /** Each PUT is bounded by the message's deadline (ImageStore), so waiting for it ends. */
    private static StoredImage awaitUninterruptibly(Future<StoredImage> upload) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return upload.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @PreDestroy
    void close() {
        uploads.shutdownNow();
    }
}
