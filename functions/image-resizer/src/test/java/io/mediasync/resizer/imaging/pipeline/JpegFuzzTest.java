package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.jpeg.JpegDecoder;
import io.mediasync.testsupport.TestImages;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JPEG decoders as an attack surface: truncated, bit-flipped and crafted files (huge dimensions, bad Huffman
 * tables, endless progressive scans, missing markers). Every input must end with an image or a clean rejection (a
 * known code), within a memory bound, and none runs forever. Seeds are fixed: a failure reproduces.
 */
class JpegFuzzTest {

    private static final byte[] BASELINE = JpegCorpus.write(TestImages.photoLike(97, 65, 1), null, false, 2, -1);
    private static final byte[] PROGRESSIVE = JpegCorpus.write(TestImages.photoLike(83, 57, 2), null, true, 0, -1);
    private static final byte[] PROGRESSIVE_RESTART = JpegCorpus.write(TestImages.photoLike(70, 41, 3),
            new int[][] {{2, 1}, {1, 1}, {1, 1}}, true, 1, -1);
    private static final byte[] YCCK = JpegCorpus.fourComponents(40, 24, 2, false);

    @TestFactory
    Stream<DynamicTest> truncatedAnywhere() {
        List<DynamicTest> tests = new ArrayList<>();
        for (byte[] base : List.of(BASELINE, PROGRESSIVE, PROGRESSIVE_RESTART, YCCK)) {
            for (int cut = 1; cut < base.length; cut += Math.max(1, base.length / 60)) {
                byte[] input = Arrays.copyOf(base, cut);
                tests.add(DynamicTest.dynamicTest(base.length + " bytes cut at " + cut, () -> check(input, true)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> bitsFlipped() {
        List<DynamicTest> tests = new ArrayList<>();
        Random random = new Random(20241130);
        for (byte[] base : List.of(BASELINE, PROGRESSIVE, PROGRESSIVE_RESTART, YCCK)) {
            for (int i = 0; i < 80; i++) {
                byte[] input = base.clone();
                int flips = 1 + random.nextInt(4);
                StringBuilder name = new StringBuilder(base.length + " bytes, flipped");
                for (int f = 0; f < flips; f++) {
                    int at = 2 + random.nextInt(input.length - 2);
                    int bit = random.nextInt(8);
                    input[at] ^= (byte) (1 << bit);
                    name.append(' ').append(at).append(':').append(bit);
                }
                tests.add(DynamicTest.dynamicTest(name.toString(), () -> check(input, false)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> crafted() {
        return Stream.of(
                crafted("huge SOF dimensions", withFrameSize(BASELINE, 65535, 65535), "too_many_pixels: image is 65535x65535"),
                crafted("49 MP SOF over a tiny scan", withFrameSize(BASELINE, 7000, 7000), "corrupt_image: JPEG data is truncated"),
                crafted("zero width", withFrameSize(BASELINE, 0, 65), null),
                crafted("over-subscribed Huffman table", withFirstHuffmanCounts(BASELINE, 4), ImageRejectedException.CORRUPT_IMAGE),
                crafted("DC Huffman symbol over 15", withFirstHuffmanSymbol(BASELINE, 200), ImageRejectedException.CORRUPT_IMAGE),
                crafted("endless progressive scans", withRepeatedDcRefinement(PROGRESSIVE, 3000, false), "corrupt_image: JPEG is malformed (progressive scans repeat"),
                crafted("endless scans after a damaged one", withRepeatedDcRefinement(PROGRESSIVE, 3000, true), "corrupt_image: JPEG is malformed (more than 1000 scans)"),
                crafted("no SOF", without(BASELINE, 0xC0), null),
                crafted("no DHT", without(BASELINE, 0xC4), null),
                crafted("no DQT", without(BASELINE, 0xDB), null),
                crafted("no EOI", Arrays.copyOf(BASELINE, BASELINE.length - 2), "corrupt_image: JPEG data is truncated"),
                crafted("no scan", withEoiAfterHeader(BASELINE), null),
                crafted("restart markers missing", withoutRestartMarkers(BASELINE), null),
                crafted("12-bit samples", withPrecision(BASELINE, 12), null),
                crafted("arithmetic coding (SOF9)", withMarker(BASELINE, 0xC0, 0xC9), null),
                crafted("lossless (SOF3)", withMarker(BASELINE, 0xC0, 0xC3), null),
                crafted("two components", withComponentCount(BASELINE, 2), null),
                crafted("segment length past the end", withLastHeaderSegmentLength(BASELINE, 0xFFFF), null));
    }

    /** @param expected the start of "code: reason", or null when an image or any clean rejection will do */
    private DynamicTest crafted(String name, byte[] input, String expected) {
        return DynamicTest.dynamicTest(name, () -> {
            String outcome = check(input, false);
            if (expected != null) {
                assertThat(outcome).as(name).startsWith(expected);
            }
        });
    }

    /** The pipeline, and the built-in decoder alone (the pixel limit first, as in the pipeline). */
    private static String check(byte[] input, boolean truncated) {
        return FuzzCheck.check(input, truncated, bytes -> {
            JpegDecoder decoder = JpegDecoder.open(bytes);
            if ((long) decoder.width() * decoder.height() <= 50_000_000L) {
                decoder.decode(4);
            }
        });
    }

    // ---- crafting: the header segments of the base files are at fixed places, found by walking them ---------

    /** Offset of the first segment with this marker (at its 0xFF), or -1; stops at the first SOS. */
    private static int find(byte[] jpeg, int marker) {
        int p = 2;
        while (p + 4 <= jpeg.length) {
            int m = jpeg[p + 1] & 0xFF;
            if (m == marker) {
                return p;
            }
            if (m == 0xDA) {
                return -1;
            }
            p += 2 + ((jpeg[p + 2] & 0xFF) << 8 | (jpeg[p + 3] & 0xFF));
        }
        return -1;
    }

    private static int segmentEnd(byte[] jpeg, int at) {
        return at + 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF));
    }

    private static byte[] withFrameSize(byte[] jpeg, int width, int height) {
        byte[] out = jpeg.clone();
        int sof = find(out, 0xC0) >= 0 ? find(out, 0xC0) : find(out, 0xC2);
        out[sof + 5] = (byte) (height >> 8);
        out[sof + 6] = (byte) height;
        out[sof + 7] = (byte) (width >> 8);
        out[sof + 8] = (byte) width;
        return out;
    }

    private static byte[] withPrecision(byte[] jpeg, int bits) {
        byte[] out = jpeg.clone();
        out[find(out, 0xC0) + 4] = (byte) bits;
        return out;
    }

    private static byte[] withComponentCount(byte[] jpeg, int count) {
        byte[] out = jpeg.clone();
        out[find(out, 0xC0) + 9] = (byte) count;
        return out;
    }

    private static byte[] withMarker(byte[] jpeg, int from, int to) {
        byte[] out = jpeg.clone();
        out[find(out, from) + 1] = (byte) to;
        return out;
    }

    /** The first DHT's count of 2-bit codes set to {@code n} (more than the 4 that exist makes it over-subscribed). */
    private static byte[] withFirstHuffmanCounts(byte[] jpeg, int n) {
        byte[] out = jpeg.clone();
        int dht = find(out, 0xC4);
        out[dht + 5] = (byte) (out[dht + 5] + n); // counts[0]: codes of length 1
        out[dht + 6] = (byte) (out[dht + 6] + n);
        return out;
    }

    private static byte[] withFirstHuffmanSymbol(byte[] jpeg, int symbol) {
        byte[] out = jpeg.clone();
        int dht = find(out, 0xC4); // the writer's first table is the luminance DC table
        assertThat(out[dht + 4] & 0xF0).isZero();
        out[dht + 4 + 17] = (byte) symbol;
        return out;
    }

    private static byte[] without(byte[] jpeg, int marker) {
        byte[] out = jpeg;
        for (int at = find(out, marker); at >= 0; at = find(out, marker)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(out, 0, at);
            int end = segmentEnd(out, at);
            bytes.write(out, end, out.length - end);
            out = bytes.toByteArray();
        }
        return out;
    }

    private static byte[] withEoiAfterHeader(byte[] jpeg) {
        int sos = find(jpeg, 0xDA);
        byte[] out = Arrays.copyOf(jpeg, sos + 2);
        out[sos + 1] = (byte) 0xD9;
        return out;
    }

    private static byte[] withLastHeaderSegmentLength(byte[] jpeg, int length) {
        byte[] out = jpeg.clone();
        int at = find(out, 0xC0);
        out[at + 2] = (byte) (length >> 8);
        out[at + 3] = (byte) length;
        return out;
    }

    /** The restart markers' two bytes removed from the entropy-coded data. */
    private static byte[] withoutRestartMarkers(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int sos = find(jpeg, 0xDA);
        for (int i = 0; i < jpeg.length; i++) {
            if (i > sos && i + 1 < jpeg.length && jpeg[i] == (byte) 0xFF && (jpeg[i + 1] & 0xF8) == 0xD0) {
                i++;
                continue;
            }
            out.write(jpeg[i]);
        }
        return out.toByteArray();
    }

    /**
     * The DC refinement scan (one bit per block whatever came before, so every copy stays decodable) inserted
     * {@code times} more before EOI; when asked, the first copy is damaged so that the built-in decoder hands the
     * file to ImageIO, which must not be left to decode all of it.
     */
    private static byte[] withRepeatedDcRefinement(byte[] jpeg, int times, boolean damageFirst) {
        int start = -1;
        int end = -1;
        for (int i = 0; i + 1 < jpeg.length && end < 0; i++) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) 0xDA) {
                int components = jpeg[i + 4] & 0xFF;
                int spectral = i + 5 + 2 * components;
                if (start < 0 && jpeg[spectral] == 0 && (jpeg[spectral + 2] & 0xF0) != 0) {
                    start = i;
                }
            } else if (start >= 0 && i > start + 1 && jpeg[i] == (byte) 0xFF && jpeg[i + 1] != 0
                    && (jpeg[i + 1] & 0xF8) != 0xD0) {
                end = i;
            }
        }
        assertThat(start).as("a DC refinement scan in the base file").isPositive();
        byte[] scan = Arrays.copyOfRange(jpeg, start, end);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, jpeg.length - 2);
        for (int t = 0; t < times; t++) {
            byte[] copy = scan.clone();
            if (damageFirst && t == 0) {
                copy[5] = 99; // names a component the frame does not have
            }
            out.writeBytes(copy);
        }
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }
}
