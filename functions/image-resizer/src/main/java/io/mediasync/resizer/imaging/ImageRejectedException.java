package io.mediasync.resizer.imaging;

/**
 * A bad image: retrying the message cannot help. {@link #code()} is machine-readable, {@link #reason()} a short
 * human sentence.
 */
public class ImageRejectedException extends Exception {

    public static final String NOT_AN_IMAGE = "not_an_image";
    public static final String UNSUPPORTED_FORMAT = "unsupported_format";
    public static final String TOO_MANY_PIXELS = "too_many_pixels";
    public static final String CORRUPT_IMAGE = "corrupt_image";
    /** A WebP was asked for a size that comes out over VP8's 16383 px a side (only with sizes configured that big). */
    public static final String TOO_LARGE_FOR_WEBP = "too_large_for_webp";

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String reason;

    public ImageRejectedException(String code, String reason) {
        this(code, reason, null);
    }

    public ImageRejectedException(String code, String reason, Throwable cause) {
        super(code + ": " + reason, cause);
        this.code = code;
        this.reason = reason;
    }

    /** One of not_an_image, unsupported_format, too_many_pixels, corrupt_image, too_large_for_webp. */
    public String code() {
        return code;
    }

    /** A short human sentence, e.g. "image is 7746x7746 = 60.0 MP, over the 50.0 MP limit". */
    public String reason() {
        return reason;
    }
}
