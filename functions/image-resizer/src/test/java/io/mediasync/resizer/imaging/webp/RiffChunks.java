package io.mediasync.resizer.imaging.webp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The chunks of a WebP file, parsed strictly: sizes must add up to the file to the byte, pads must be zero. */
final class RiffChunks {

    record Chunk(String fourCc, int offset, int size) {
    }

    private RiffChunks() {
    }

    static List<Chunk> parse(byte[] file) {
        assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(le(file, 4, 4)).as("RIFF size").isEqualTo(file.length - 8);
        assertThat(new String(file, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        List<Chunk> chunks = new ArrayList<>();
        int at = 12;
        while (at < file.length) {
            assertThat(file.length - at).as("room for a chunk header").isGreaterThanOrEqualTo(8);
            String fourCc = new String(file, at, 4, StandardCharsets.US_ASCII);
            int size = le(file, at + 4, 4);
            chunks.add(new Chunk(fourCc, at + 8, size));
            at += 8 + size;
            if ((size & 1) != 0) {
                assertThat(file[at]).as("pad byte of " + fourCc).isZero();
                at++;
            }
        }
        assertThat(at).as("chunks end with the file").isEqualTo(file.length);
        return chunks;
    }

    static int le(byte[] data, int at, int bytes) {
        int value = 0;
        for (int i = 0; i < bytes; i++) {
            value |= (data[at + i] & 0xFF) << (8 * i);
        }
        return value;
    }
}
