package io.mediasync.resizer.store;

/** One resized image in S3. */
public record StoredImage(String label, String key, String url, int width, int height, long bytes) {
}
