package io.mediasync.resizer.imaging.jpeg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The APPn segments that decide colours: JFIF (APP0), Adobe (APP14, its transform) and ICC_PROFILE (APP2 chunks). */
final class AppSegments {

    boolean jfif;
    /** The Adobe APP14 transform flag (0 = none, 1 = YCbCr, 2 = YCCK), or -1 without that segment. */
    int adobeTransform = -1;
    private final List<byte[]> iccChunks = new ArrayList<>();

    /** Reads the APPn segment of {@code length} bytes at {@code start}, if it is one of the three. */
    void read(int marker, byte[] data, int start, int length) {
        if (marker == 0xE0 && hasIdentifier(data, start, length, "JFIF\0")) {
            jfif = true;
        } else if (marker == 0xEE && length >= 12 && hasIdentifier(data, start, length, "Adobe")) {
            if (adobeTransform < 0) {
                adobeTransform = data[start + 11] & 0xFF;
            }
        } else if (marker == 0xE2 && length >= 14 && hasIdentifier(data, start, length, "ICC_PROFILE\0")) {
            iccChunks.add(java.util.Arrays.copyOfRange(data, start + 12, start + length));
        }
    }

    private static boolean hasIdentifier(byte[] data, int at, int length, String identifier) {
        byte[] expected = identifier.getBytes(StandardCharsets.ISO_8859_1);
        if (length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (data[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** The ICC profile bytes from the APP2 chunks, or null when absent or the chunks are inconsistent. */
    byte[] iccProfile() {
        int n = iccChunks.size();
        if (n == 0) {
            return null;
        }
        byte[][] ordered = new byte[n][];
        for (byte[] chunk : iccChunks) {
            int seq = chunk[0] & 0xFF;
            int count = chunk[1] & 0xFF;
            if (n == 1 && (seq == 1 || count == 1)) {
                seq = 1; // a single chunk, however numbered
            } else if (count != n || seq < 1 || seq > n || ordered[seq - 1] != null) {
                return null;
            }
            ordered[seq - 1] = chunk;
        }
        ByteArrayOutputStream profile = new ByteArrayOutputStream();
        for (byte[] chunk : ordered) {
            if (chunk == null) {
                return null;
            }
            profile.write(chunk, 2, chunk.length - 2);
        }
        return profile.toByteArray();
    }
}
