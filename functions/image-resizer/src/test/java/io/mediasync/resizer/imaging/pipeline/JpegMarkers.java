package io.mediasync.resizer.imaging.pipeline;

import java.util.ArrayList;
import java.util.List;

/** Lists the marker segments of a JPEG header (SOI up to and including SOS), and checks the EOI. */
final class JpegMarkers {

    record Segment(int marker, byte[] payload) {
        String identifier() {
            int end = 0;
            while (end < payload.length && end < 32 && payload[end] != 0) {
                end++;
            }
            return new String(payload, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private JpegMarkers() {
    }

    static List<Segment> headerSegments(byte[] jpeg) {
        if ((jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new IllegalArgumentException("no SOI");
        }
        List<Segment> segments = new ArrayList<>();
        int p = 2;
        while (p + 4 <= jpeg.length) {
            if ((jpeg[p] & 0xFF) != 0xFF) {
                throw new IllegalArgumentException("no marker at " + p);
            }
            int marker = jpeg[p + 1] & 0xFF;
            int length = (jpeg[p + 2] & 0xFF) << 8 | (jpeg[p + 3] & 0xFF);
            byte[] payload = java.util.Arrays.copyOfRange(jpeg, p + 4, p + 2 + length);
            segments.add(new Segment(marker, payload));
            if (marker == 0xDA) {
                break;
            }
            p += 2 + length;
        }
        return segments;
    }

    static boolean endsWithEoi(byte[] jpeg) {
        return (jpeg[jpeg.length - 2] & 0xFF) == 0xFF && (jpeg[jpeg.length - 1] & 0xFF) == 0xD9;
    }
}
