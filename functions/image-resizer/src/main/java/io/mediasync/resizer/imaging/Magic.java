package io.mediasync.resizer.imaging;

import java.nio.charset.StandardCharsets;

/** Byte-prefix helpers shared by the format sniffers. */
public final class Magic {
    private Magic() {
    }

    public static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    public static boolean startsWithAscii(byte[] bytes, int offset, String expected) {
        byte[] ascii = expected.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < offset + ascii.length) {
            return false;
        }
        for (int i = 0; i < ascii.length; i++) {
            if (bytes[offset + i] != ascii[i]) {
                return false;
            }
        }
        return true;
    }

    public static int int32LE(byte[] b, int offset) {
        return (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8 | (b[offset + 2] & 0xFF) << 16 | (b[offset + 3] & 0xFF) << 24;
    }

    public static int int32BE(byte[] b, int offset) {
        return (b[offset] & 0xFF) << 24 | (b[offset + 1] & 0xFF) << 16 | (b[offset + 2] & 0xFF) << 8 | (b[offset + 3] & 0xFF);
    }
}
