package io.mediasync.resizer.imaging.jpeg;

/**
 * Why the built-in decoder stopped. The caller decides what each kind means: {@link Kind#UNSUPPORTED} and
 * {@link Kind#CORRUPT} go to the ImageIO decoder (which handles more processes and tolerates damaged data as it always
 * has), {@link Kind#TRUNCATED} and {@link Kind#LIMIT} are rejections.
 */
public final class JpegException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** A JPEG this decoder does not handle (arithmetic coding, 12-bit, lossless, hierarchical, odd layouts). */
        UNSUPPORTED,
        /** Damaged markers or entropy-coded data. */
        CORRUPT,
        /** The data ends before the image does (no EOI, or a scan cut short). */
        TRUNCATED,
        /** Work or memory beyond what any real image needs (e.g. endless progressive scans). */
        LIMIT
    }

    private final Kind kind;

    JpegException(Kind kind, String message) {
        super(message, null, false, false); // thrown on bad input, often: no stack trace needed
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static JpegException unsupported(String message) {
        return new JpegException(Kind.UNSUPPORTED, message);
    }

    static JpegException corrupt(String message) {
        return new JpegException(Kind.CORRUPT, message);
    }

    static JpegException truncated(String message) {
        return new JpegException(Kind.TRUNCATED, message);
    }

    static JpegException limit(String message) {
        return new JpegException(Kind.LIMIT, message);
    }
}
