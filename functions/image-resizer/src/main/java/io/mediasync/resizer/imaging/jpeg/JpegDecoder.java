package io.mediasync.resizer.imaging.jpeg;

/**
 * A baseline and progressive Huffman JPEG decoder that decodes at 1/1, 1/2, 1/4 or 1/8 scale inside the IDCT, so a
 * large photo costs what its reduced size costs after the entropy decoding. Written by hand because no maintained
 * pure-Java decoder scales in the DCT domain (ImageIO's subsampling decodes every pixel and drops most of them).
 * <p>
 * Usage: {@link #open} reads the header (cheap); {@link #decode} or {@link #decodePlanes} once. Not thread-safe.
 */
public final class JpegDecoder {

    /** More scans than any encoder writes (a progressive JPEG has about ten). */
    public static final int MAX_SCANS = 1000;

    private final JpegParser parser;
    private final Frame frame;
    private final Scan firstScan;
    private final ColourKind colour;
    private boolean used;

    private JpegDecoder(JpegParser parser, Scan firstScan) throws JpegException {
        this.parser = parser;
        this.frame = parser.frame;
        this.firstScan = firstScan;
        this.colour = ColourKind.of(parser);
    }

    /** Reads the markers up to the first scan. */
    public static JpegDecoder open(byte[] data) throws JpegException {
        JpegParser parser = new JpegParser(data);
        Scan scan = parser.nextScan();
        if (scan == null) {
            throw JpegException.corrupt("no scan before EOI");
        }
        return new JpegDecoder(parser, scan);
    }

    public int width() {
        return frame.width;
    }

    public int height() {
        return frame.height;
    }

    public ColourKind colour() {
        return colour;
    }

    /** The embedded ICC profile's bytes, or null. */
    public byte[] iccProfile() {
        return parser.applications.iccProfile();
    }

    /** Whether every coefficient must be held until the last scan (progressive, or components in separate scans). */
    public boolean buffersCoefficients() {
        return frame.progressive || firstScan.components().length != frame.components.length;
    }

    /** Heap bytes decoding needs besides the output image: the coefficients, when they are buffered. */
    public long bufferBytes() {
        if (!buffersCoefficients()) {
            return 0;
        }
        long bytes = 0;
        for (Component c : frame.components) {
            bytes += c.coefficientBytes();
        }
        return bytes;
    }

    /**
     * SOS markers in the file, counted without decoding (an upper bound: a thumbnail inside an APP segment counts
     * too). Entropy-coded data never holds one, as 0xFF is always followed by a zero byte there.
     */
    public static int countScanMarkers(byte[] data) {
        int scans = 0;
        for (int i = 0; i + 1 < data.length; i++) {
            if (data[i] == (byte) 0xFF && data[i + 1] == (byte) 0xDA) {
                scans++;
            }
        }
        return scans;
    }

    /** The output size at 1/denominator scale (rounded up, as libjpeg does). */
    public static int scaledSize(int size, int denominator) {
        return Frame.ceilDiv(size, denominator);
    }

    /** Decodes the image at 1/{@code denominator} scale: 1, 2, 4 or 8. */
    public JpegImage decode(int denominator) throws JpegException {
        int base = start(denominator);
        for (Component c : frame.components) {
            c.scaledSize = scaledBlockSize(c, base);
        }
        OutputStage out = new OutputStage(frame, base, colour);
        run(out);
        return new JpegImage(out.width, out.height, colour, out.pixels, iccProfile());
    }

    /**
     * Whether {@link #decodePlanes} applies at this scale and span: grey or YCbCr whose components are each sampled at
     * the full or half rate of the largest on each axis (4:4:4, 4:2:2, 4:4:0, 4:2:0), the first being one of the
     * largest (luma), and every chroma plane within the span at a whole subsampling of the image's grid.
     */
    public boolean decodesToPlanes(int denominator, double maxSpan) {
        if (colour != ColourKind.GRAY && colour != ColourKind.YCC) {
            return false;
        }
        Component luma = frame.components[0];
        if (luma.h != frame.maxH || luma.v != frame.maxV) {
            return false;
        }
        for (Component c : frame.components) {
            if (frame.maxH % c.h != 0 || frame.maxV % c.v != 0 || frame.maxH / c.h > 2 || frame.maxV / c.v > 2
                    || planeBlockSize(c, 8 / denominator, maxSpan) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether planes at this scale and span hold less than pixels would: a grey image (one plane rather than three
     * equal channels), or chroma at less than the luma's resolution. Otherwise three full planes cost more to resize
     * one by one than pixels do together.
     */
    public boolean planesAreSmaller(int denominator, double maxSpan) {
        if (colour == ColourKind.GRAY) {
            return true;
        }
        int base = 8 / denominator;
        for (Component c : frame.components) {
            int size = planeBlockSize(c, base, maxSpan);
            if (size > 0 && (c.h * size < frame.maxH * base || c.v * size < frame.maxV * base)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The luma's block side is the scale's; a chroma component's, the smallest from there whose samples span at most
     * {@code maxSpan} pixels of the full image on each axis, as long as it stays a whole subsampling of the grid
     * (for 4:2:2, doubling would need the other axis averaged down): 0 when there is none.
     */
    private int planeBlockSize(Component c, int base, double maxSpan) {
        if (c.index == 0) {
            return base;
        }
        int size = base;
        while (size < 8 && (8.0 * frame.maxH / (c.h * size) > maxSpan || 8.0 * frame.maxV / (c.v * size) > maxSpan)) {
            size *= 2;
        }
        boolean whole = (frame.maxH * base) % (c.h * size) == 0 && (frame.maxV * base) % (c.v * size) == 0;
        return whole ? size : 0;
    }

    /**
     * Decodes the image at 1/{@code denominator} scale into its component planes, without upsampling or colour
     * conversion: the caller resizes the planes and converts only its output. The luma is decoded as {@link #decode}
     * decodes it (each sample the mean of the full decode's pixels); a chroma component at the smallest of its scales
     * whose samples span at most {@code maxSpan} pixels of the full image on each axis (the chroma of a 4:2:0 photo
     * at half the luma's resolution, as in the file, when the renditions are small enough), reduced by keeping its
     * blocks' lowest frequencies, unattenuated ({@link ReducedIdct#idct4LowPass}): a box average would soften the
     * colour detail the renditions keep. Only when {@link #decodesToPlanes}.
     *
     * @param maxSpan full-image pixels one chroma sample may cover along each axis
     */
    public JpegPlanes decodePlanes(int denominator, double maxSpan) throws JpegException {
        if (!decodesToPlanes(denominator, maxSpan)) {
            throw new IllegalStateException("this JPEG does not decode to planes at 1/" + denominator);
        }
        int base = start(denominator);
        for (Component c : frame.components) {
            c.scaledSize = planeBlockSize(c, base, maxSpan);
            c.lowPass = c.index > 0;
        }
        PlanarOutput out = new PlanarOutput(frame, base);
        run(out);
        return new JpegPlanes(scaledSize(frame.width, denominator), scaledSize(frame.height, denominator), colour,
                out.planes());
    }

    /** Checks the scale and that this is the only decode; returns the block side of the largest components. */
    private int start(int denominator) {
        if (denominator != 1 && denominator != 2 && denominator != 4 && denominator != 8) {
            throw new IllegalArgumentException("scale denominator must be 1, 2, 4 or 8, got " + denominator);
        }
        if (used) {
            throw new IllegalStateException("decode() may be called once");
        }
        used = true;
        return 8 / denominator;
    }

    private void run(BlockOutput out) throws JpegException {
        if (!buffersCoefficients()) {
            ScanDecoder decoder = new ScanDecoder(parser.data, frame, firstScan, parser.restartInterval);
            decoder.decodeStreaming(out);
            parser.resumeAt(decoder.finish());
            if (parser.nextScan() != null) {
                throw JpegException.corrupt("another scan after a sequential scan of every component");
            }
        } else {
            BufferedScans scans = new BufferedScans(parser, frame);
            scans.decode(firstScan);
            scans.transform(out);
        }
    }

    /**
     * The side of a component's decoded blocks: as many samples as the output grid needs along its more demanding
     * axis (the other axis is then averaged down), so that at 1/2 scale the chroma of a 4:2:0 image is decoded at
     * 8x8 and needs no upsampling at all. For layouts where that gives no whole ratios (3:1...), libjpeg's rule:
     * enlarge while the ratio stays whole on both axes.
     */
    private int scaledBlockSize(Component c, int base) {
        int needH = Math.min(8, base * frame.maxH / c.h);
        int needV = Math.min(8, base * frame.maxV / c.v);
        int size = Math.max(needH, needV);
        if (base * frame.maxH % c.h == 0 && base * frame.maxV % c.v == 0
                && Integer.bitCount(needH) == 1 && Integer.bitCount(needV) == 1
                && whole(frame.maxH * base, c.h * size) && whole(frame.maxV * base, c.v * size)) {
            return size;
        }
        size = base;
        while (size < 8 && (frame.maxH * base) % (c.h * size * 2) == 0 && (frame.maxV * base) % (c.v * size * 2) == 0) {
            size *= 2;
        }
        return size;
    }

    private static boolean whole(int a, int b) {
        return a % b == 0 || b % a == 0;
    }
}
