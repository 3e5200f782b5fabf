package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.resizer.imaging.resample.BoxReducer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JPEG files written marker segment by marker segment, for what an encoder will not write: metadata segments, and
 * huge images in a few bytes. {@link JpegMarkers} reads them back.
 */
final class JpegBytes {

    private JpegBytes() {
    }

    /** Inserts a JPEG marker segment right after SOI. */
    static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        segment(out, marker, payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** An APP1 "Exif" segment holding a one-entry TIFF IFD with the orientation tag. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation, boolean bigEndian) {
        ByteBuffer tiff = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        tiff.put(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        tiff.put(bigEndian ? new byte[] {'M', 'M'} : new byte[] {'I', 'I'});
        tiff.putShort((short) 42).putInt(8);         // TIFF header, IFD0 at offset 8
        tiff.putShort((short) 1);                    // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1); // Orientation, SHORT, count 1
        tiff.putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);                              // no next IFD
        return withSegment(jpeg, 0xE1, tiff.array());
    }

    /** An APP2 ICC_PROFILE segment (single chunk). */
    static byte[] withIccProfile(byte[] jpeg, byte[] profile) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("ICC_PROFILE".getBytes(StandardCharsets.US_ASCII));
        payload.write(0);
        payload.write(1); // chunk 1
        payload.write(1); // of 1
        payload.writeBytes(profile);
        return withSegment(jpeg, 0xE2, payload.toByteArray());
    }

    /**
     * A valid baseline 4:2:0 JPEG of any size, uniform grey, written by hand: one-code Huffman tables make every
     * block two zero bits (DC difference 0, end of block), so a 50 MP image is a few hundred KB of zeros. A decoder
     * still has to walk every block.
     */
    static byte[] greyJpeg(int width, int height) {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        jpeg.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        byte[] quant = new byte[65];
        Arrays.fill(quant, 1, 65, (byte) 1);
        segment(jpeg, 0xDB, quant);
        segment(jpeg, 0xC0, new byte[] {8, (byte) (height >> 8), (byte) height, (byte) (width >> 8), (byte) width, 3,
            1, 0x22, 0, 2, 0x11, 0, 3, 0x11, 0});
        byte[] oneCode = new byte[1 + 16 + 1];
        oneCode[1] = 1; // one code of length 1: "0", for symbol 0 (DC: difference 0; AC: end of block)
        segment(jpeg, 0xC4, oneCode);
        oneCode[0] = 0x10;
        segment(jpeg, 0xC4, oneCode);
        segment(jpeg, 0xDA, new byte[] {3, 1, 0, 2, 0, 3, 0, 0, 63, 0});
        long mcus = (long) BoxReducer.ceilDiv(width, 16) * BoxReducer.ceilDiv(height, 16);
        jpeg.writeBytes(new byte[(int) ((mcus * 6 * 2 + 7) / 8)]);
        jpeg.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return jpeg.toByteArray();
    }

    private static void segment(ByteArrayOutputStream jpeg, int marker, byte[] payload) {
        jpeg.write(0xFF);
        jpeg.write(marker);
        jpeg.write((payload.length + 2) >> 8);
        jpeg.write(payload.length + 2);
        jpeg.writeBytes(payload);
    }
}
