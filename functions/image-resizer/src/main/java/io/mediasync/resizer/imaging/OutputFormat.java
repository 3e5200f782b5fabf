package io.mediasync.resizer.imaging;

import java.util.Locale;
import java.util.Optional;

/**
 * The files a rendition can be written as. JPEG is the seed's and always comes first; WebP is offered beside it
 * (issue 25). The name is what an order's {@code "formats"} says and the extension of the S3 key.
 */
public enum OutputFormat {
    JPEG("jpeg", "image/jpeg"),
    WEBP("webp", "image/webp");

    private final String extension;
    private final String contentType;

    OutputFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** The name in orders and the key's extension: "jpeg", "webp". */
    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The format an order names, exactly as written in lower case; anything else is no format. */
    public static Optional<OutputFormat> named(String name) {
        for (OutputFormat format : values()) {
            if (format.extension.equals(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return extension.toUpperCase(Locale.ROOT);
    }
}
