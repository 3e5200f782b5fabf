package io.mediasync.resizer.imaging.webp;

/**
 * Encodes sRGB pixels as a lossy WebP: one VP8 key frame (RFC 6386), with the alpha plane, when there is one, in
 * an ALPH chunk coded lossless (VP8L), at every size. That keeps a logo's edges exactly where they were while its
 * colour is coded like any rendition's, whatever the content (photos with transparency, gradients); its alpha
 * costs about what cwebp's does. Pure Java, no state between calls but the constant tables: an instance may be
 * shared by threads.
 *
 * <p>Quality is libwebp's 0..100 scale: it maps to the same quantisers as {@code cwebp -q}, before the
 * per-segment adaptation (milder than cwebp's, see {@link Tuning#DEFAULT}).
 */
public final class WebpEncoder {

    /** cwebp's default. */
    public static final int DEFAULT_QUALITY = 75;
    private static final int MAX_DIMENSION = 16383;

    private final int quality;
    private final Tuning tuning;
    private final boolean loopFilter;

    public WebpEncoder(int quality) {
        this(quality, Tuning.DEFAULT, true);
    }

    /** @param loopFilter false writes the same frame with filtering off, for decoders whose filter is wrong */
    WebpEncoder(int quality, Tuning tuning, boolean loopFilter) {
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("WebP quality must be in 0..100, got " + quality);
        }
        this.quality = quality;
        this.tuning = tuning;
        this.loopFilter = loopFilter;
    }

    /**
     * @param bgr    B, G, R bytes per pixel, row {@code y} starting at {@code y * stride}
     * @param alpha  {@code width * height} opacity bytes, rows packed, or null for an opaque picture
     * @return the complete .webp file
     */
    public byte[] encode(int width, int height, byte[] bgr, int stride, byte[] alpha) {
        return encodeFrame(width, height, bgr, stride, alpha, false, false).file();
    }

    /** As {@link #encode}, with the planes a decoder will reconstruct, for checking decoders against. */
    public WebpEncoding encodeWithReconstruction(int width, int height, byte[] bgr, int stride, byte[] alpha) {
        return encodeFrame(width, height, bgr, stride, alpha, false).encoding();
    }

    /**
     * A file with the frame behind it and, if asked for, its reconstruction before the loop filter; the frame's
     * reconstruction is filtered unless only the file was asked for.
     */
    record Encoded(byte[] file, Vp8Frame frame, Planes unfiltered, byte[] alpha) {

        /** The file with the planes a decoder reconstructs, the visible part of the filtered frame. */
        WebpEncoding encoding() {
            Planes rec = frame.reconstruction;
            int width = frame.width;
            int height = frame.height;
            int chromaWidth = (width + 1) >> 1;
            int chromaHeight = (height + 1) >> 1;
            return new WebpEncoding(file, width, height, Planes.crop(rec.y, rec.yStride, width, height),
                    Planes.crop(rec.u, rec.uvStride, chromaWidth, chromaHeight),
                    Planes.crop(rec.v, rec.uvStride, chromaWidth, chromaHeight), alpha == null ? null : alpha.clone());
        }
    }

    Encoded encodeFrame(int width, int height, byte[] bgr, int stride, byte[] alpha, boolean keepUnfiltered) {
        return encodeFrame(width, height, bgr, stride, alpha, keepUnfiltered, true);
    }

    /**
     * @param reconstruct false when only the file is wanted: the loop filter changes no bit of it (the decoder
     *                    runs it, and intra prediction reads the unfiltered pixels), so it is not run
     */
    private Encoded encodeFrame(int width, int height, byte[] bgr, int stride, byte[] alpha, boolean keepUnfiltered,
                                boolean reconstruct) {
        check(width, height, bgr, stride, alpha);
        Planes source = YuvConverter.convert(width, height, bgr, 0, stride, alpha);
        if (alpha != null) {
            TransparentAreas.flatten(source, alpha);
        }
        SourceTransforms transforms = SourceTransforms.of(source);
        SegmentPlan plan = SegmentPlanner.plan(source, transforms, quality, tuning);
        if (!loopFilter) {
            for (Segment segment : plan.segments()) {
                segment.filterLevel = 0;
            }
        }
        Vp8Frame frame = FrameEncoder.encode(source, transforms, plan);
        Planes unfiltered = keepUnfiltered ? frame.reconstruction.copy() : null;
        if (reconstruct) {
            LoopFilter.apply(frame, 0);
        }
        byte[] vp8 = Vp8Writer.write(frame, 0);
        byte[] alph = alpha == null ? null : AlphaEncoder.encode(alpha, width, height);
        return new Encoded(WebpContainer.wrap(width, height, vp8, alph), frame, unfiltered, alpha);
    }

    private static void check(int width, int height, byte[] bgr, int stride, byte[] alpha) {
        if (width < 1 || height < 1 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw new IllegalArgumentException("WebP dimensions must be 1.." + MAX_DIMENSION + ", got " + width + "x" + height);
        }
        if (stride < width * 3 || (long) stride * (height - 1) + width * 3L > bgr.length) {
            throw new IllegalArgumentException("pixel array too short for " + width + "x" + height + " at stride " + stride);
        }
        if (alpha != null && alpha.length < width * height) {
            throw new IllegalArgumentException("alpha plane too short for " + width + "x" + height);
        }
    }
}
