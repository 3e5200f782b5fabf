package io.mediasync.common.images;

import io.mediasync.common.hash.Sha256;
import java.util.List;

/**
 * Where the resizer stores an image's sizes, written once for the resizer (which writes them) and the
 * orchestrator (which removes them): {@code images-resized/{bucket_name}/{id}_{label}.jpeg}, the seed's
 * layout, where the id is the first 32 hex digits of the SHA-256 of the source bytes; a WebP rendition (issue 25)
 * sits beside its JPEG as {@code {id}_{label}.webp}.
 */
public final class ResizedImageKeys {

    public static final String PREFIX = "images-resized/";
    /** The extensions of every format the resizer writes, the seed's JPEG first. */
    public static final List<String> EXTENSIONS = List.of("jpeg", "webp");

    private ResizedImageKeys() {
    }

    /** "images-resized/{bucket_name}/", the seed's bucket_path */
    public static String bucketPath(String bucketName) {
        return PREFIX + bucketName + "/";
    }

    /** The image id of these source bytes' SHA-256 (a full 64-hex digest: hashes are compared at one length). */
    public static String imageId(String sha256) {
        if (!Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return sha256.substring(0, 32);
    }

    /** The JPEG's key, the seed's. */
    public static String key(String bucketName, String imageId, String label) {
        return key(bucketName, imageId, label, EXTENSIONS.get(0));
    }

    /** The key of that size in the format of that extension ("jpeg", "webp"). */
    public static String key(String bucketName, String imageId, String label, String extension) {
        if (!EXTENSIONS.contains(extension)) {
            throw new IllegalArgumentException("not a rendition format: " + extension);
        }
        return bucketPath(bucketName) + imageId + "_" + label + "." + extension;
    }
}
