package io.mediasync.resizer.fetch;

import io.mediasync.common.net.FetchException;
import io.mediasync.common.net.SafeHttpClient;
import io.mediasync.resizer.config.FetchConfig;
import io.mediasync.resizer.store.ImageStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Downloads a source image: http(s) through the SSRF-guarded client, s3://bucket/key from our own buckets. */
@ApplicationScoped
public class SourceFetcher {

    private final SafeHttpClient http;
    private final ImageStore store;
    private final long maxBytes;

    public SourceFetcher(SafeHttpClient http, ImageStore store, FetchConfig config) {
        this.http = http;
        this.store = store;
        this.maxBytes = config.maxBytes();
    }

    public byte[] fetch(String url) throws SourceFetchException {
        URI uri = URI.create(url);
        if ("s3".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
            return fetchS3(uri.getHost(), uri.getPath().substring(1));
        }
        try {
            return http.get(uri).body();
        } catch (FetchException e) {
            throw new SourceFetchException(e.code(), "download of " + url + " failed: " + e.getMessage(), e.retryable(), e);
        }
    }

    private byte[] fetchS3(String bucket, String key) throws SourceFetchException {
        try {
            long size = store.size(bucket, key);
            if (size > maxBytes) {
                throw new SourceFetchException("too_large", "s3://" + bucket + "/" + key + " is " + size
                        + " bytes, over the " + maxBytes + "-byte limit", false, null);
            }
            return store.read(bucket, key);
        } catch (NoSuchKeyException e) {
            throw new SourceFetchException("s3_not_found", "s3://" + bucket + "/" + key + " does not exist", false, e);
        } catch (S3Exception e) {
            boolean permanent = e.statusCode() == 404 || e.statusCode() == 403;
            throw new SourceFetchException(permanent ? "s3_" + e.statusCode() : "s3_error",
                    "s3://" + bucket + "/" + key + ": " + e.getMessage(), !permanent, e);
        } catch (SdkException e) {
            throw new SourceFetchException("s3_unreachable", "s3://" + bucket + "/" + key + ": " + e.getMessage(), true, e);
        }
    }
}
