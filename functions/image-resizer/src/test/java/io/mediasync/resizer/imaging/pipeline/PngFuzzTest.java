package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.resizer.imaging.png.PngDecoder;
import io.mediasync.testsupport.TestImages;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PNG decoders as an attack surface, as {@link JpegFuzzTest} for JPEG: truncated, bit-flipped and crafted
 * files, among them text chunks that inflate to more than this JVM's whole heap (so that inflating one would fail
 * the test), on the built-in path and on ImageIO's.
 */
class PngFuzzTest {

    private static final byte[] RGB = TestImages.png(TestImages.photoLike(53, 41, 4));
    private static final byte[] RGBA_SMALL_CHUNKS = PngCorpus.all().stream()
            .filter(e -> e.name().startsWith("RGBA")).findFirst().orElseThrow().png();
    private static final byte[] PALETTE = PngCorpus.all().stream()
            .filter(e -> e.name().startsWith("ImageIO palette 4")).findFirst().orElseThrow().png();

    @TestFactory
    Stream<DynamicTest> truncatedAnywhere() {
        List<DynamicTest> tests = new ArrayList<>();
        for (byte[] base : List.of(RGB, RGBA_SMALL_CHUNKS, PALETTE)) {
            for (int cut = 1; cut < base.length; cut += Math.max(1, base.length / 50)) {
                byte[] input = Arrays.copyOf(base, cut);
                tests.add(DynamicTest.dynamicTest(base.length + " bytes cut at " + cut, () -> sameVerdictAsImageIo(input)));
            }
            for (int cut = lastIdatEnd(base) - 16; cut < base.length; cut++) { // around the end of the image data
                byte[] input = Arrays.copyOf(base, cut);
                tests.add(DynamicTest.dynamicTest(base.length + " bytes cut at " + cut, () -> sameVerdictAsImageIo(input)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> bitsFlipped() {
        List<DynamicTest> tests = new ArrayList<>();
        Random random = new Random(20241201);
        for (byte[] base : List.of(RGB, RGBA_SMALL_CHUNKS, PALETTE)) {
            for (int i = 0; i < 60; i++) {
                byte[] input = base.clone();
                int at = 8 + random.nextInt(input.length - 8);
                int bit = random.nextInt(8);
                input[at] ^= (byte) (1 << bit);
                tests.add(DynamicTest.dynamicTest(base.length + " bytes, flipped " + at + ":" + bit, () -> sameVerdictAsImageIo(input)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> crafted() {
        long bomb = Runtime.getRuntime().maxMemory() + (1L << 30); // more than this JVM could ever hold
        byte[] zTxt = concat("Comment\0".getBytes(StandardCharsets.ISO_8859_1), new byte[] {0}, zlibZeros(bomb));
        byte[] iTxt = concat("Comment\0".getBytes(StandardCharsets.ISO_8859_1), new byte[] {1, 0, 0, 0}, zlibZeros(bomb));
        return Stream.of(
                crafted("zTXt inflating past the heap", withChunkBeforeIdat(RGB, "zTXt", zTxt), null),
                crafted("iTXt inflating past the heap", withChunkBeforeIdat(RGB, "iTXt", iTxt), null),
                crafted("interlaced (ImageIO's path) with that zTXt", withChunkBeforeIdat(interlaced(), "zTXt", zTxt), null),
                crafted("50,000,000 x 1", TestImages.blackPng(50_000_000, 1), "too_many_pixels: image is 50000000x1, a side over"),
                crafted("huge IHDR", withSize(RGB, 60_000, 60_000), "too_many_pixels: image is 60000x60000 = 3600.0 MP"),
                crafted("zero width", withSize(RGB, 0, 41), "corrupt_image"),
                crafted("row filter 9", withFirstFilter(PngCorpus.encode(4, 2, 2, 8, new byte[24], null, null, 1000), 9), null),
                crafted("image data inflating far past the image", imageDataBomb(), null),
                crafted("palette image without PLTE", withoutChunk(PALETTE, "PLTE"), "corrupt_image"),
                crafted("no IDAT", withoutChunk(RGB, "IDAT"), "corrupt_image"));
    }

    /** @param expected the start of "code: reason"; null: the same verdict (image or rejection) as ImageIO's */
    private DynamicTest crafted(String name, byte[] input, String expected) {
        return DynamicTest.dynamicTest(name, () -> {
            if (expected != null) {
                assertThat(check(input)).as(name).startsWith(expected);
            } else {
                sameVerdictAsImageIo(input);
            }
        });
    }

    /**
     * Damage the built-in decoder cannot be sure of goes to ImageIO, and truncation is judged as ImageIO judges it
     * (a file cut after its last row still decodes, with both): the verdict never changes.
     */
    private static void sameVerdictAsImageIo(byte[] input) {
        String ours = check(input);
        String imageIo = FuzzCheck.imageIoVerdict(input);
        assertThat(ours == null ? null : ours.substring(0, ours.indexOf(':'))).isEqualTo(imageIo);
    }

    private static String check(byte[] input) {
        return FuzzCheck.check(input, false, bytes -> {
            PngDecoder decoder = PngDecoder.open(bytes);
            if (Math.max(decoder.width(), decoder.height()) <= ImageProcessor.MAX_SIDE
                    && (long) decoder.width() * decoder.height() <= 50_000_000L) { // the limits come first, as in the pipeline
                decoder.decode(3);
            }
        });
    }

    /** The first row's filter byte (the first byte of the zlib stream's data, stored uncompressed here) changed. */
    private static byte[] withFirstFilter(byte[] png, int filter) {
        byte[] raw = new byte[1 + 12 * 2];
        raw[0] = (byte) filter;
        Deflater deflater = new Deflater(Deflater.NO_COMPRESSION);
        deflater.setInput(raw);
        deflater.finish();
        byte[] data = new byte[200];
        int n = deflater.deflate(data);
        deflater.end();
        return withChunkBeforeIdat(withoutChunk(png, "IDAT"), "IDAT", Arrays.copyOf(data, n));
    }

    /**
     * A zlib stream of {@code n} zero bytes, a few MB long: one 16 MB run deflated and flushed to a byte boundary,
     * repeated (valid, as it only refers back to zeros), closed by an empty final block and the Adler-32 of n zeros.
     */
    static byte[] zlibZeros(long n) {
        int run = 16 << 20;
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(new byte[run]);
        byte[] buffer = new byte[run / 64];
        int segment = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        deflater.end();
        long runs = (n + run - 1) / run;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x78);
        out.write(0xDA);
        for (long i = 0; i < runs; i++) {
            out.write(buffer, 0, segment);
        }
        out.writeBytes(new byte[] {1, 0, 0, (byte) 0xFF, (byte) 0xFF}); // final stored block, empty
        long total = runs * run;
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) ((total % 65521) << 16 | 1)).array());
        return out.toByteArray();
    }

    private static byte[] interlaced() {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(TestImages.photoLike(47, 31, 8), null, null), param);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** 3x2 RGB whose IDAT holds the 3 rows, then megabytes more of zeros: only what the image needs is read. */
    private static byte[] imageDataBomb() {
        byte[] png = PngCorpus.encode(3, 2, 2, 8, new byte[18], null, null, 1 << 20);
        byte[] bomb = zlibZeros(1L << 32);
        return withChunkBeforeIdat(withoutChunk(png, "IDAT"), "IDAT", bomb);
    }

    private static byte[] withSize(byte[] png, int width, int height) {
        byte[] out = png.clone();
        ByteBuffer.wrap(out, 16, 8).putInt(width).putInt(height);
        return out;
    }

    /** Offsets of each chunk: [start, type, length]. */
    private static List<int[]> chunks(byte[] png) {
        List<int[]> chunks = new ArrayList<>();
        for (int p = 8; p + 8 <= png.length; ) {
            int length = ByteBuffer.wrap(png, p, 4).getInt();
            chunks.add(new int[] {p, ByteBuffer.wrap(png, p + 4, 4).getInt(), length});
            p += 12 + length;
        }
        return chunks;
    }

    private static int type(String name) {
        return ByteBuffer.wrap(name.getBytes(StandardCharsets.US_ASCII)).getInt();
    }

    private static int lastIdatEnd(byte[] png) {
        int end = -1;
        for (int[] c : chunks(png)) {
            if (c[1] == type("IDAT")) {
                end = c[0] + 12 + c[2];
            }
        }
        return end;
    }

    private static byte[] withChunkBeforeIdat(byte[] png, String type, byte[] data) {
        int at = chunks(png).stream().filter(c -> c[1] == type("IDAT") || c[1] == type("IEND")).findFirst().orElseThrow()[0];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, at);
        PngCorpus.chunk(out, type, data);
        out.write(png, at, png.length - at);
        return out.toByteArray();
    }

    private static byte[] withoutChunk(byte[] png, String type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 8);
        for (int[] c : chunks(png)) {
            if (c[1] != type(type)) {
                out.write(png, c[0], 12 + c[2]);
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
