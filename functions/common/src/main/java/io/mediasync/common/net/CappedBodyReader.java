package io.mediasync.common.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Reads a response body, never holding more than a cap in memory. Streams are left open on purpose:
 * closing an HttpClient body stream drains the rest of it, so the caller cancels the request first.
 */
final class CappedBodyReader {

    private static final int CHUNK = 16 * 1024;

    private CappedBodyReader() {
    }

    /**
     * The whole body, or {@link FetchException.Kind#TOO_LARGE} as soon as the declared length or the bytes
     * read exceed {@code maxBytes}; never reads more than one byte past the cap.
     */
    static byte[] readAll(HttpEntity entity, long maxBytes) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        long declared = entity.getContentLength();
        if (declared > maxBytes) {
            throw tooLarge("of " + declared + " bytes exceeds", maxBytes);
        }
        long expected = declared >= 0 ? declared : CHUNK * 4L;
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(expected, Math.min(maxBytes, 1 << 24)));
        InputStream in = entity.getContent();
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - total + 1))) != -1) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge("exceeds", maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Up to {@code maxBytes} of the body; the rest is left unread. */
    static byte[] readPrefix(HttpEntity entity, int maxBytes) throws IOException {
        return entity == null ? new byte[0] : entity.getContent().readNBytes(maxBytes);
    }

    private static FetchException tooLarge(String what, long maxBytes) {
        return new FetchException(FetchException.Kind.TOO_LARGE,
                "response body " + what + " the limit of " + maxBytes + " bytes");
    }
}
