package io.mediasync.local.scenario;

import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Where the resizer puts a synced file's thumbnails: content-addressed keys under images-resized/source-{id}/. */
public final class Thumbnails {

    public static final List<String> DEFAULT_LABELS = List.of("50x50", "250x250", "800x800");

    private Thumbnails() {
    }

    public static String key(long sourceId, String sha256, String label) {
        return "images-resized/source-" + sourceId + "/" + sha256.substring(0, 32) + "_" + label + ".jpeg";
    }

    public static boolean exist(S3Client s3, String bucket, long sourceId, String sha256) {
        for (String label : DEFAULT_LABELS) {
            try {
                s3.headObject(b -> b.bucket(bucket).key(key(sourceId, sha256, label)));
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return false;
                }
                throw e;
            }
        }
        return true;
    }
}
