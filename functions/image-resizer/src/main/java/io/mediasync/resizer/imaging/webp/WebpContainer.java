package io.mediasync.resizer.imaging.webp;

import java.io.ByteArrayOutputStream;

/**
 * The RIFF container of a lossy WebP (WebP container specification): a plain {@code VP8 } chunk, or with alpha an
 * extended header ({@code VP8X}, alpha flag, canvas size) followed by {@code ALPH} and {@code VP8 }. Chunks of odd
 * size get a pad byte, which their size does not count and the RIFF size does.
 */
final class WebpContainer {

    private static final int ALPHA_FLAG = 0x10;

    private WebpContainer() {
    }

    static byte[] wrap(int width, int height, byte[] vp8, byte[] alph) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream(vp8.length + (alph == null ? 0 : alph.length) + 64);
        if (alph != null) {
            byte[] header = new byte[10];
            header[0] = ALPHA_FLAG;
            putLe(header, 4, width - 1, 3);
            putLe(header, 7, height - 1, 3);
            chunk(chunks, "VP8X", header);
            chunk(chunks, "ALPH", alph);
        }
        chunk(chunks, "VP8 ", vp8);
        byte[] body = chunks.toByteArray();
        byte[] file = new byte[12 + body.length];
        ascii(file, 0, "RIFF");
        putLe(file, 4, 4 + body.length, 4);
        ascii(file, 8, "WEBP");
        System.arraycopy(body, 0, file, 12, body.length);
        return file;
    }

    private static void chunk(ByteArrayOutputStream out, String fourCc, byte[] payload) {
        byte[] header = new byte[8];
        ascii(header, 0, fourCc);
        putLe(header, 4, payload.length, 4);
        out.writeBytes(header);
        out.writeBytes(payload);
        if ((payload.length & 1) != 0) {
            out.write(0);
        }
    }

    private static void ascii(byte[] out, int at, String text) {
        for (int i = 0; i < 4; i++) {
            out[at + i] = (byte) text.charAt(i);
        }
    }

    private static void putLe(byte[] out, int at, int value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out[at + i] = (byte) (value >> (8 * i));
        }
    }
}
