package io.mediasync.sourcesync.downloader.adapter;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Image types recognised from their first bytes, never from a Content-Type: exactly the formats the
 * resizer decodes (JPEG, PNG, GIF, BMP, WebP), so "is an image" means "can be resized".
 */
public final class MediaSniffer {

    public static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "jpe", "png", "gif", "bmp", "webp", "avif",
            "heic", "tif", "tiff");
    private static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png", "image/gif", "gif",
            "image/bmp", "bmp", "image/webp", "webp");

    private MediaSniffer() {
    }

    /** The image MIME type of these bytes, if they are an image the resizer can read. */
    public static Optional<String> imageType(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("image/png");
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return Optional.of("image/gif");
        }
        if (b.length >= 14 && b[0] == 'B' && b[1] == 'M') {
            return Optional.of("image/bmp");
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    public static boolean isResizable(String contentType) {
        return contentType != null && EXTENSIONS.containsKey(contentType);
    }

    /** The usual file extension of a sniffed image type ("jpg" for image/jpeg). */
    public static Optional<String> extensionOf(String contentType) {
        return Optional.ofNullable(contentType == null ? null : EXTENSIONS.get(contentType));
    }

    /** The content type to record: the sniffed image type, else the server's (without parameters), else octet-stream. */
    public static String contentType(byte[] body, String headerType) {
        Optional<String> image = imageType(body);
        if (image.isPresent()) {
            return image.get();
        }
        if (headerType == null || headerType.isBlank()) {
            return "application/octet-stream";
        }
        int semicolon = headerType.indexOf(';');
        return (semicolon < 0 ? headerType : headerType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Whether a URL's path ends in an image file extension. */
    public static boolean looksLikeImageUrl(String url) {
        try {
            String path = java.net.URI.create(url).getPath();
            if (path == null) {
                return false;
            }
            int dot = path.lastIndexOf('.');
            return dot >= 0 && dot > path.lastIndexOf('/')
                    && IMAGE_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
