package io.mediasync.resizer.imaging.png;

/**
 * Why the built-in PNG decoder stopped: {@link #truncated()} data is a rejection; anything else (an unsupported
 * layout, damage ImageIO may tolerate) goes to ImageIO.
 */
public final class PngException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean truncated;

    private PngException(String message, boolean truncated) {
        super(message, null, false, false);
        this.truncated = truncated;
    }

    public boolean truncated() {
        return truncated;
    }

    static PngException unsupported(String message) {
        return new PngException(message, false);
    }

    static PngException corrupt(String message) {
        return new PngException(message, false);
    }

    static PngException truncated(String message) {
        return new PngException(message, true);
    }
}
