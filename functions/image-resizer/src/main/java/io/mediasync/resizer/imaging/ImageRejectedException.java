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

    /** One of not_an_image, unsupported_format, too_many_pixels, corrupt_image. */
    public String code() {
        return code;
    }

    /** A short human sentence, e.g. "image is 7746x7746 = 60.0 MP, over the 50.0 MP limit". */
    public String reason() {
        return reason;
    }
}
