package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.testsupport.TestImages;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * PNGs of every layout the built-in PNG decoder claims: written by ImageIO's encoder, and by a small encoder here
 * that uses every row filter in turn, splits the data over many IDAT chunks and adds tRNS and text chunks, which
 * ImageIO's writer does not do on request.
 */
final class PngCorpus {

    record Entry(String name, byte[] png) {
        @Override
        public String toString() {
            return name;
        }
    }

    private PngCorpus() {
    }

    static List<Entry> all() {
        int w = 61;
        int h = 37;
        Random random = new Random(5);
        List<Entry> corpus = new ArrayList<>();
        corpus.add(new Entry("ImageIO RGB", TestImages.png(TestImages.photoLike(w, h, 1))));
        BufferedImage argb = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                argb.setRGB(x, y, (x * 255 / w) << 24 | random.nextInt(0x1000000));
            }
        }
        corpus.add(new Entry("ImageIO RGBA", TestImages.png(argb)));
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        grey.createGraphics().drawImage(TestImages.photoLike(w, h, 2), 0, 0, null);
        corpus.add(new Entry("ImageIO grey", TestImages.png(grey)));
        for (int bits : new int[] {1, 2, 4, 8}) {
            corpus.add(new Entry("ImageIO palette " + bits + "-bit with transparency", TestImages.png(indexed(w, h, bits, random))));
        }

        byte[] rgb = samples(w, h, 3, random);
        corpus.add(new Entry("RGB, every filter, 100-byte IDATs", encode(w, h, 2, 8, rgb, null, null, 100)));
        byte[] key = {0, rgb[3], 0, rgb[4], 0, rgb[5]}; // the colour of pixel 1
        corpus.add(new Entry("RGB with a tRNS colour", encode(w, h, 2, 8, rgb, null, key, 1 << 16)));
        corpus.add(new Entry("RGBA, every filter", encode(w, h, 6, 8, samples(w, h, 4, random), null, null, 1 << 16)));
        corpus.add(new Entry("grey+alpha, every filter", encode(w, h, 4, 8, samples(w, h, 2, random), null, null, 1 << 16)));
        byte[] greys = samples(w, h, 1, random);
        corpus.add(new Entry("grey with a tRNS level", encode(w, h, 0, 8, greys, null, new byte[] {0, greys[7]}, 1 << 16)));
        for (int bits : new int[] {1, 2, 4}) {
            corpus.add(new Entry("grey " + bits + "-bit, every filter", encode(w, h, 0, bits, packedSamples(w, h, bits, random), null,
                    null, 1 << 16)));
        }
        byte[] palette = new byte[3 * 200];
        random.nextBytes(palette);
        byte[] alphas = new byte[120];
        random.nextBytes(alphas);
        byte[] indices = new byte[w * h];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = (byte) random.nextInt(200);
        }
        corpus.add(new Entry("palette 8-bit, short tRNS, every filter", encode(w, h, 3, 8, indices, palette, alphas, 64)));
        return corpus;
    }

    private static BufferedImage indexed(int w, int h, int bits, Random random) {
        int entries = 1 << bits;
        byte[] r = new byte[entries];
        byte[] g = new byte[entries];
        byte[] b = new byte[entries];
        byte[] a = new byte[entries];
        random.nextBytes(r);
        random.nextBytes(g);
        random.nextBytes(b);
        random.nextBytes(a);
        IndexColorModel model = new IndexColorModel(bits, entries, r, g, b, a);
        BufferedImage image = bits == 8 ? new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model)
                : new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY, model);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.getRaster().setSample(x, y, 0, random.nextInt(entries));
            }
        }
        return image;
    }

    /** Smooth ramps plus noise, {@code channels} samples per pixel. */
    private static byte[] samples(int w, int h, int channels, Random random) {
        byte[] out = new byte[w * h * channels];
        for (int i = 0; i < out.length; i++) {
            int x = i / channels % w;
            int y = i / channels / w;
            out[i] = (byte) ((x * 5 + y * 3 + (i % channels) * 70 + random.nextInt(30)) & 0xFF);
        }
        return out;
    }

    /** Rows of {@code bits}-bit samples, packed, each row starting on a byte. */
    private static byte[] packedSamples(int w, int h, int bits, Random random) {
        int rowBytes = (w * bits + 7) / 8;
        byte[] out = new byte[rowBytes * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = random.nextInt(1 << bits);
                out[y * rowBytes + x * bits / 8] |= (byte) (v << (8 - bits - x * bits % 8));
            }
        }
        return out;
    }

    /**
     * A PNG of raw (unfiltered) rows: row y is written with filter y % 5, the compressed data split into IDAT
     * chunks of {@code idatSize} bytes, PLTE and tRNS as given.
     */
    static byte[] encode(int w, int h, int colourType, int bitDepth, byte[] raw, byte[] palette, byte[] transparency, int idatSize) {
        return encode(w, h, colourType, bitDepth, raw, palette, transparency, idatSize, List.of());
    }

    /** @param extraChunks type + data pairs inserted before the first IDAT */
    static byte[] encode(int w, int h, int colourType, int bitDepth, byte[] raw, byte[] palette, byte[] transparency, int idatSize,
                         List<Object[]> extraChunks) {
        int channels = switch (colourType) {
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 1;
        };
        int bpp = Math.max(1, channels * bitDepth / 8);
        int rowBytes = (w * channels * bitDepth + 7) / 8;
        ByteArrayOutputStream filtered = new ByteArrayOutputStream();
        for (int y = 0; y < h; y++) {
            int type = y % 5;
            filtered.write(type);
            for (int i = 0; i < rowBytes; i++) {
                int x = raw[y * rowBytes + i] & 0xFF;
                int a = i >= bpp ? raw[y * rowBytes + i - bpp] & 0xFF : 0;
                int b = y > 0 ? raw[(y - 1) * rowBytes + i] & 0xFF : 0;
                int c = y > 0 && i >= bpp ? raw[(y - 1) * rowBytes + i - bpp] & 0xFF : 0;
                int predicted = switch (type) {
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) >> 1;
                    case 4 -> {
                        int p = a + b - c;
                        int pa = Math.abs(p - a);
                        int pb = Math.abs(p - b);
                        int pc = Math.abs(p - c);
                        yield pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                    }
                    default -> 0;
                };
                filtered.write((x - predicted) & 0xFF);
            }
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(filtered.toByteArray());
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) bitDepth).put((byte) colourType)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        for (Object[] extra : extraChunks) {
            chunk(png, (String) extra[0], (byte[]) extra[1]);
        }
        if (palette != null) {
            chunk(png, "PLTE", palette);
        }
        if (transparency != null) {
            chunk(png, "tRNS", transparency);
        }
        byte[] data = compressed.toByteArray();
        for (int at = 0; at < data.length; at += idatSize) {
            chunk(png, "IDAT", java.util.Arrays.copyOfRange(data, at, Math.min(data.length, at + idatSize)));
        }
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** IHDR's bit depth and colour type. */
    static int[] depthAndType(byte[] png) {
        return new int[] {png[24] & 0xFF, png[25] & 0xFF};
    }
}
