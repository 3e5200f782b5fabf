package io.mediasync.resizer.fetch;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.net.FetchConfig;
import io.mediasync.resizer.config.ResizerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads {@code s3://bucket/key} sources, which name objects the function may read with its own rights: so only
 * from the configured locations (S3_SOURCES, the content bucket's prefix in the template), checked before any
 * call, so an order learns nothing about other objects. The byte cap holds on the read itself (a HEAD could
 * be raced by a new version), and the read ends by the invocation's deadline.
 */
@ApplicationScoped
public class S3SourceReader {

    private record Location(String bucket, String prefix) {
    }

    private final S3Client s3;
    private final List<Location> allowed;
    private final long maxBytes;

    public S3SourceReader(S3Client s3, ResizerConfig config, FetchConfig fetch) {
        this.s3 = s3;
        this.maxBytes = fetch.maxBytes();
        this.allowed = Arrays.stream(config.s3Sources().orElse("").split(",")).map(String::trim).filter(e -> !e.isEmpty())
                .map(e -> e.contains("/") ? new Location(e.substring(0, e.indexOf('/')), e.substring(e.indexOf('/') + 1))
                        : new Location(e, ""))
                .toList();
    }

    public byte[] read(URI source, Deadline deadline) throws SourceFetchException {
        String bucket = source.getHost();
        String key = source.getPath() == null || source.getPath().length() < 2 ? "" : source.getPath().substring(1);
        String name = "s3://" + bucket + "/" + key;
        if (!isAllowed(bucket, key)) {
            throw new SourceFetchException("s3_not_allowed", name + " is outside the locations images may be read from"
                    + " (S3_SOURCES)", false, null);
        }
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key)
                .overrideConfiguration(o -> o.apiCallTimeout(deadline.remaining())))) {
            return readCapped(in, name);
        } catch (NoSuchKeyException e) {
            throw notReadable(name, e);
        } catch (S3Exception e) {
            if (e.statusCode() == 403 || e.statusCode() == 404) {
                throw notReadable(name, e);
            }
            throw new SourceFetchException("s3_error", name + ": S3 answered " + e.statusCode(), true, e);
        } catch (SdkException | IOException e) {
            throw new SourceFetchException("s3_unreachable", name + ": S3 could not be read", true, e);
        }
    }

    /** One reason for "missing" and "forbidden" alike. */
    private static SourceFetchException notReadable(String name, Exception e) {
        return new SourceFetchException("s3_not_readable", name + " cannot be read (no such object, or not permitted)", false, e);
    }

    private byte[] readCapped(ResponseInputStream<GetObjectResponse> in, String name) throws IOException, SourceFetchException {
        Long declared = in.response().contentLength();
        if (declared != null && declared > maxBytes) {
            in.abort();
            throw tooLarge(name);
        }
        byte[] bytes = readAtMost(in, maxBytes + 1);
        if (bytes.length > maxBytes) {
            in.abort(); // do not drain the rest of a huge object
            throw tooLarge(name);
        }
        return bytes;
    }

    private SourceFetchException tooLarge(String name) {
        return new SourceFetchException("too_large", name + " is over the " + maxBytes + "-byte limit", false, null);
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit));
    }

    /** Whole path segments only: "content" allows content/a.jpg, not contentX/a.jpg; no "." or ".." segments. */
    boolean isAllowed(String bucket, String key) {
        if (bucket == null || key.isEmpty() || Arrays.stream(key.split("/", -1))
                .anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
            return false;
        }
        return allowed.stream().anyMatch(l -> l.bucket().equals(bucket)
                && (l.prefix().isEmpty() || key.startsWith(l.prefix().endsWith("/") ? l.prefix() : l.prefix() + "/")));
    }
}
