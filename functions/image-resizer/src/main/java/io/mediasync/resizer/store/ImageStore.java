package io.mediasync.resizer.store;

import io.mediasync.common.aws.StaleConnectionRetry;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.resizer.config.ResizerConfig;
import io.mediasync.common.images.ResizedImageKeys;
import io.mediasync.resizer.imaging.OutputFormat;
import io.mediasync.resizer.imaging.Rendition;
import io.mediasync.common.images.SizeSpec;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Resized images in S3: keys, uploads, look-ups and public URLs. An image's files are PUT at once ({@link #putAll}):
 * a PUT mostly waits on S3, so an order's 3 files (6 with WebP) cost about one PUT's wait instead of their sum.
 */
@ApplicationScoped
public class ImageStore {

    private final S3Client s3;
    private final ResizerConfig config;
    private final String urlBase;
    /** Threads on demand: at most one per file of the largest order (sizes x formats), idle ones end after a minute. */
    private final ExecutorService uploads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "mediasync-s3-put");
        thread.setDaemon(true);
        return thread;
    });

    public ImageStore(S3Client s3, ResizerConfig config,
            @ConfigProperty(name = "quarkus.s3.endpoint-override") Optional<URI> endpointOverride) {
        this.s3 = s3;
        this.config = config;
        this.urlBase = config.publicBaseUrl().map(ImageStore::trimSlash)
                .orElseGet(() -> endpointOverride
                        .map(e -> trimSlash(e.toString()) + "/" + config.bucket())
                        .orElseGet(() -> "https://" + config.bucket() + ".s3." + s3.serviceClientConfiguration().region().id()
                                + ".amazonaws.com"));
    }

    public String publicUrl(String key) {
        return urlBase + "/" + Arrays.stream(key.split("/"))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    /** The stored image under this key, if an earlier order already made it (same source bytes). */
    public Optional<StoredImage> find(String label, String key, Deadline deadline) {
        try {
            HeadObjectResponse head = StaleConnectionRetry.call("S3 HEAD " + key, () -> s3.headObject(b -> b.bucket(config.bucket())
                    .key(key).overrideConfiguration(until(deadline))));
            Map<String, String> meta = head.metadata();
            return Optional.of(new StoredImage(label, key, publicUrl(key), intMeta(meta, "width"), intMeta(meta, "height"),
                    head.contentLength()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Every size of this image in this format, as an earlier order stored them; empty as soon as one is missing (the
     * format is then made again, all its sizes), without asking for the rest.
     */
    public Optional<List<StoredImage>> findAll(String bucketName, String imageId, List<SizeSpec> sizes, OutputFormat format,
            Deadline deadline) {
        List<StoredImage> found = new ArrayList<>();
        for (SizeSpec size : sizes) {
            Optional<StoredImage> image = find(size.label(),
                    ResizedImageKeys.key(bucketName, imageId, size.label(), format.extension()), deadline);
            if (image.isEmpty()) {
                return Optional.empty();
            }
            found.add(image.get());
        }
        return Optional.of(found);
    }

    /**
     * Every rendition in every format, PUT at once. Every PUT has ended, done or failed, before this returns: none runs
     * on into the next invocation or into a SnapStart snapshot.
     *
     * @return each format's stored files, in the renditions' order; the first failure is thrown once all have ended
     */
    public Map<OutputFormat, List<StoredImage>> putAll(String bucketName, String imageId, List<Rendition> renditions,
            Set<OutputFormat> formats, Deadline deadline) {
        Map<String, Object> logContext = MDC.getMap(); // the order's log fields on the uploads' own lines too
        Map<OutputFormat, List<Future<StoredImage>>> pending = new EnumMap<>(OutputFormat.class);
        for (OutputFormat format : formats) {
            for (Rendition rendition : renditions) {
                pending.computeIfAbsent(format, f -> new ArrayList<>()).add(uploads.submit(() -> {
                    logContext.forEach(MDC::put);
                    try {
                        return put(bucketName, imageId, rendition, format, deadline);
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

    /** The rendition's file of that format under its key; same headers for every format but the type. */
    private StoredImage put(String bucketName, String imageId, Rendition rendition, OutputFormat format, Deadline deadline) {
        String key = ResizedImageKeys.key(bucketName, imageId, rendition.size().label(), format.extension());
        byte[] file = rendition.file(format);
        StaleConnectionRetry.call("S3 PUT " + key, () -> s3.putObject(b -> b.bucket(config.bucket()).key(key)
                .contentType(format.contentType()).cacheControl(config.cacheControl()).overrideConfiguration(until(deadline))
                .metadata(Map.of("width", Integer.toString(rendition.width()), "height", Integer.toString(rendition.height()))),
                RequestBody.fromBytes(file)));
        return new StoredImage(rendition.size().label(), key, publicUrl(key), rendition.width(), rendition.height(),
                file.length);
    }

    /**
     * Every S3 call gets only the time left before the message's deadline: a stalled S3 cuts the attempt short
     * (timed_out, given back and recorded) instead of running into Lambda's timeout with the record at processing.
     */
    private static AwsRequestOverrideConfiguration until(Deadline deadline) {
        Duration left = deadline.remaining();
        return AwsRequestOverrideConfiguration.builder().apiCallTimeout(left.isZero() ? Duration.ofMillis(1) : left).build();
    }

    /** Each PUT is bounded by the message's deadline ({@link #until}), so waiting for it ends. */
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

    private static int intMeta(Map<String, String> meta, String name) {
        try {
            return Integer.parseInt(meta.getOrDefault(name, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @PreDestroy
    void close() {
        uploads.shutdownNow();
    }
}
