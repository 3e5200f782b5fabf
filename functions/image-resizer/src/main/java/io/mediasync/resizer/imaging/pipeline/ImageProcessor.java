package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.imaging.DecodePath;
import io.mediasync.resizer.imaging.ImageInfo;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.OutputFormat;
import io.mediasync.resizer.imaging.ProcessedImage;
import io.mediasync.resizer.imaging.ProcessingTimes;
import io.mediasync.resizer.imaging.Rendition;
import io.mediasync.resizer.imaging.ResizeMode;
import io.mediasync.resizer.imaging.decode.DecodedImage;
import io.mediasync.resizer.imaging.decode.ImageDecoder;
import io.mediasync.resizer.imaging.encode.RenditionEncoder;
import io.mediasync.resizer.imaging.pixels.Plane;
import io.mediasync.resizer.imaging.pixels.RgbImage;
import io.mediasync.resizer.imaging.resample.BoxReducer;
import io.mediasync.resizer.imaging.resample.ExifOrientation;
import io.mediasync.resizer.imaging.resample.ReducedSources;
import io.mediasync.resizer.imaging.resample.Resampler;
import io.mediasync.resizer.imaging.resample.ResizeGeometry;
import io.mediasync.resizer.imaging.resample.ShrinkOnLoad;
import io.mediasync.resizer.imaging.webp.WebpEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Decodes a source image once and produces every requested size as a JPEG and, when asked, a WebP.
 * <p>
 * Pipeline: sniff the format from the bytes; read the header and refuse too many pixels before decoding any;
 * decode (JPEG and PNG: reduced exactly while decoding as far as the sizes allow, see
 * {@link ShrinkOnLoad#exactReduction}; others: subsampled only if the full image would not fit the decode budget); convert to sRGB on white; per size,
 * box-reduce by a whole factor (shared between sizes) then Lanczos-3 to the exact size; apply the EXIF
 * orientation to the small result; encode. Immutable and thread-safe.
 */
public final class ImageProcessor {

    /**
     * Longest side accepted, from the header: within the pixel limit an image can still be 50,000,000 x 1, and the
     * decoders hold whole rows (ImageIO's full width even when subsampling); JPEG and WebP cannot exceed it anyway.
     */
    public static final int MAX_SIDE = 65_535;

    /** Above this, the decoder subsamples (24 MP = 72 MB of RGB); see {@link ShrinkOnLoad}. */
    public static final long DEFAULT_MAX_DECODED_PIXELS = 24_000_000L;

    private final long maxPixels;
    private final long maxDecodedPixels;
    private final ResizeMode mode;
    private final RenditionEncoder encoder;
    private final boolean builtInDecoders;

    /**
     * @param maxPixels   sources with more pixels (width x height, from the header) are rejected, e.g. 50_000_000
     * @param mode        how each size's box is filled
     * @param jpegQuality 0..1, e.g. 0.85f
     */
    public ImageProcessor(long maxPixels, ResizeMode mode, float jpegQuality) {
        this(maxPixels, DEFAULT_MAX_DECODED_PIXELS, mode, jpegQuality);
    }

    /**
     * @param maxDecodedPixels memory budget of the decoded image: bigger sources are decoded subsampled, as far as
     *                         the requested sizes allow
     */
    public ImageProcessor(long maxPixels, long maxDecodedPixels, ResizeMode mode, float jpegQuality) {
        this(maxPixels, maxDecodedPixels, mode, jpegQuality, true);
    }

    /**
     * @param builtInDecoders false decodes everything with ImageIO, as before the built-in decoders existed: for
     *                        comparisons (the benchmark's "before" figures, equivalence tests)
     */
    public ImageProcessor(long maxPixels, long maxDecodedPixels, ResizeMode mode, float jpegQuality, boolean builtInDecoders) {
        this(maxPixels, maxDecodedPixels, mode, jpegQuality, WebpEncoder.DEFAULT_QUALITY, builtInDecoders);
    }

    /** @param webpQuality 0..100, libwebp's scale (cwebp -q), for the WebP renditions */
    public ImageProcessor(long maxPixels, long maxDecodedPixels, ResizeMode mode, float jpegQuality, int webpQuality,
            boolean builtInDecoders) {
        if (maxPixels < 1 || maxDecodedPixels < 1) {
            throw new IllegalArgumentException("pixel limits must be positive");
        }
        this.maxPixels = maxPixels;
        this.maxDecodedPixels = maxDecodedPixels;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.encoder = new RenditionEncoder(jpegQuality, webpQuality);
        this.builtInDecoders = builtInDecoders;
    }

    /** Reads only the header: format and dimensions (after EXIF orientation), no pixel decoding, no pixel limit. */
    public ImageInfo probe(byte[] source) throws ImageRejectedException {
        try (ImageDecoder decoder = open(source)) {
            return decoder.info();
        }
    }

    /** Every size as a JPEG. */
    public ProcessedImage process(byte[] source, List<SizeSpec> sizes) throws ImageRejectedException {
        return process(source, sizes, Set.of(OutputFormat.JPEG));
    }

    /**
     * Every size in each of {@code formats} (at least one). The source's opacity is decoded only when a WebP is
     * asked for: the JPEG-only path is the one it always was.
     */
    public ProcessedImage process(byte[] source, List<SizeSpec> sizes, Set<OutputFormat> formats)
            throws ImageRejectedException {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("at least one format is needed");
        }
        Rendered rendered = render(source, sizes, formats.contains(OutputFormat.WEBP));
        long start = System.nanoTime();
        Rendition[] renditions = new Rendition[sizes.size()];
        for (int i = 0; i < renditions.length; i++) {
            renditions[i] = encoder.encode(sizes.get(i), rendered.pixels()[i], rendered.premultiplied()[i], formats);
        }
        ImageInfo info = rendered.info();
        return new ProcessedImage(info.format(), info.width(), info.height(), List.of(renditions),
                new ProcessingTimes(rendered.decodeNanos(), rendered.resizeNanos(), System.nanoTime() - start), rendered.decodePath());
    }

    /**
     * Every size's pixels, upright, before encoding, in the order of {@code sizes}; and, for a source with
     * transparency decoded for WebP, each size's premultiplied pixels with opacity (else nulls).
     */
    record Rendered(ImageInfo info, RgbImage[] pixels, Plane[] premultiplied, long decodeNanos, long resizeNanos,
            DecodePath decodePath) {
    }

    /** The pipeline up to encoding: header checks, one decode, every size rendered and oriented. */
    Rendered render(byte[] source, List<SizeSpec> sizes) throws ImageRejectedException {
        return render(source, sizes, false);
    }

    /** @param keepAlpha also each size's premultiplied pixels with opacity, for a source with transparency (WebP) */
    Rendered render(byte[] source, List<SizeSpec> sizes, boolean keepAlpha) throws ImageRejectedException {
        if (sizes == null || sizes.isEmpty()) {
            throw new IllegalArgumentException("at least one size is needed");
        }
        try (ImageDecoder decoder = open(source)) {
            ImageInfo info = decoder.info();
            checkPixelLimit(info);
            ExifOrientation orientation = decoder.orientation();
            List<ResizeGeometry> geometries = new ArrayList<>(sizes.size());
            for (SizeSpec size : sizes) {
                geometries.add(ResizeGeometry.of(mode, info.width(), info.height(), size.width(), size.height())
                        .beforeOrientation(orientation));
            }
            long start = System.nanoTime();
            ImageDecoder.Decoded decoded = decoder.decode(geometries, maxDecodedPixels, keepAlpha);
            long decodeNanos = System.nanoTime() - start;
            start = System.nanoTime();
            DecodedImage image = decoded.image();
            SourcePlane[] planes = new SourcePlane[image.planeCount()];
            for (int p = 0; p < planes.length; p++) {
                Plane plane = image.plane(p);
                planes[p] = new SourcePlane(image.sources(p),
                        sourcePixelsPerDecodedPixel(decoder.width(), plane.width(), decoded.factor() * image.subsamplingX(p)),
                        sourcePixelsPerDecodedPixel(decoder.height(), plane.height(), decoded.factor() * image.subsamplingY(p)));
            }
            ReducedSources alphaSources = image.premultipliedSources();
            // on the grid of the B, G, R pixels (a source with alpha is decoded as pixels): their scale
            SourcePlane alpha = alphaSources == null ? null
                    : new SourcePlane(alphaSources, planes[0].scaleX(), planes[0].scaleY());
            RgbImage[] pixels = new RgbImage[sizes.size()];
            Plane[] premultiplied = new Plane[sizes.size()];
            // biggest renditions first: their reductions are the starting points of the smaller ones'
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < sizes.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingLong(i -> -(long) geometries.get(i).width() * geometries.get(i).height()));
            for (int i : order) {
                ResizeGeometry g = geometries.get(i);
                DecodedImage.Region[] regions = new DecodedImage.Region[planes.length];
                for (int p = 0; p < planes.length; p++) {
                    regions[p] = region(g, planes[p], decoder);
                }
                pixels[i] = orientation.apply(image.render(regions, g.width(), g.height()));
                if (alpha != null) {
                    DecodedImage.Region r = region(g, alpha, decoder);
                    premultiplied[i] = orientation.apply(
                            Resampler.resample(r.plane(), r.x0(), r.y0(), r.x1(), r.y1(), g.width(), g.height()));
                }
            }
            return new Rendered(info, pixels, premultiplied, decodeNanos, System.nanoTime() - start,
                    DecodePath.of(decoded.builtIn(), image.planar()));
        }
    }

    /** Progressive JPEGs hold their coefficients on the heap: no more than the decode budget's worth of RGB. */
    private ImageDecoder open(byte[] source) throws ImageRejectedException {
        return ImageDecoder.open(source, builtInDecoders, maxDecodedPixels * RgbImage.CHANNELS);
    }

    /** One plane of the decoded image, its box-reduced copies, and how many source pixels one of its samples spans. */
    private record SourcePlane(ReducedSources sources, double scaleX, double scaleY) {
    }

    /**
     * Where one rendition (still in stored orientation) lies in one plane: in the copy of the plane box-reduced by
     * the largest whole factor that leaves the Lanczos pass at least {@link ShrinkOnLoad#MARGIN}x to shrink.
     */
    private static DecodedImage.Region region(ResizeGeometry g, SourcePlane plane, ImageDecoder decoder) {
        double regionWidth = g.regionWidth() / plane.scaleX();
        double regionHeight = g.regionHeight() / plane.scaleY();
        ReducedSources.Reduced reduced = plane.sources().reducedByAtMost(
                ShrinkOnLoad.reduceFactor(regionWidth, g.width()), ShrinkOnLoad.reduceFactor(regionHeight, g.height()));
        Plane base = reduced.image();
        double x0 = g.regionX(decoder.width()) / plane.scaleX() / reduced.factorX();
        double y0 = g.regionY(decoder.height()) / plane.scaleY() / reduced.factorY();
        double x1 = Math.min(base.width(), x0 + regionWidth / reduced.factorX());
        double y1 = Math.min(base.height(), y0 + regionHeight / reduced.factorY());
        return new DecodedImage.Region(base, x0, y0, x1, y1);
    }

    /** The subsampling factor when the decoder honoured it, else the plain ratio. */
    private static double sourcePixelsPerDecodedPixel(int sourceSize, int decodedSize, int subsampling) {
        return decodedSize == BoxReducer.ceilDiv(sourceSize, subsampling) ? subsampling : (double) sourceSize / decodedSize;
    }

    private void checkPixelLimit(ImageInfo info) throws ImageRejectedException {
        if (Math.max(info.width(), info.height()) > MAX_SIDE) {
            throw new ImageRejectedException(ImageRejectedException.TOO_MANY_PIXELS, String.format(Locale.ROOT,
                    "image is %dx%d, a side over the %d px limit", info.width(), info.height(), MAX_SIDE));
        }
        if (info.pixels() > maxPixels) {
            throw new ImageRejectedException(ImageRejectedException.TOO_MANY_PIXELS, String.format(Locale.ROOT,
                    "image is %dx%d = %.1f MP, over the %.1f MP limit",
                    info.width(), info.height(), info.pixels() / 1e6, maxPixels / 1e6));
        }
    }
}
