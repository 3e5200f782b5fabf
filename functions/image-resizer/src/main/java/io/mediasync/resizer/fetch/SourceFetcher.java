package io.mediasync.resizer.fetch;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.net.FetchException;
import io.mediasync.common.net.SafeHttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** Downloads a source image: http(s) through the SSRF-guarded client, s3://bucket/key from the allowed locations. */
@ApplicationScoped
public class SourceFetcher {

    private final SafeHttpClient http;
    private final S3SourceReader s3;

    public SourceFetcher(SafeHttpClient http, S3SourceReader s3) {
        this.http = http;
        this.s3 = s3;
    }

    /** Ends by {@code deadline} at the latest (then with code timed_out). */
    public byte[] fetch(String url, Deadline deadline) throws SourceFetchException {
        URI uri = URI.create(url);
        if ("s3".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
            return s3.read(uri, deadline);
        }
        try {
            return http.get(uri, Map.of(), deadline).body();
        } catch (FetchException e) {
            throw new SourceFetchException(e.code(), "download of " + url + " failed: " + e.getMessage(), e.retryable(), e);
        }
    }
}
