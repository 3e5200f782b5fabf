package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.OutputFormat;
import io.mediasync.resizer.imaging.ProcessedImage;
import io.mediasync.resizer.imaging.Rendition;
import io.mediasync.resizer.imaging.ResizeMode;
import io.mediasync.resizer.imaging.colour.Premultiplied;
import io.mediasync.resizer.imaging.pixels.Plane;
import io.mediasync.resizer.imaging.pixels.RgbImage;
import io.mediasync.resizer.imaging.resample.Resampler;
import io.mediasync.resizer.imaging.webp.WebpEncoder;
import io.mediasync.testsupport.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/**
 * WebP renditions beside the JPEGs: the JPEGs are the very files a JPEG-only order gets; each WebP is the encoder's
 * file of the exact resize; a source with transparency keeps it, resized premultiplied (no hidden colour bleeds in).
 */
class ImageProcessorWebpTest extends ImageProcessorFixture {

    private static final Set<OutputFormat> BOTH = EnumSet.of(OutputFormat.JPEG, OutputFormat.WEBP);
    private static final List<SizeSpec> SIZES = SizeSpec.parseList("50x50,240x240");
    private static final int WEBP_QUALITY = 80;
    private static final int RED = 0xFF0000;
    private static final int HIDDEN_GREEN = 0x00FF00;

    private final ImageProcessor processor = new ImageProcessor(FIFTY_MP, ImageProcessor.DEFAULT_MAX_DECODED_PIXELS,
            ResizeMode.FIT, 0.85f, WEBP_QUALITY, true);

    @Test
    void opaqueSourceGetsTheJpegsItAlwaysGotAndTheEncodersWebpOfTheSamePixels() throws Exception {
        byte[] source = TestImages.jpeg(TestImages.photoLike(640, 480, 5), 0.9f);
        ProcessedImage jpegOnly = processor.process(source, SIZES);
        ProcessedImage both = processor.process(source, SIZES, BOTH);
        ImageProcessor.Rendered rendered = processor.render(source, SIZES);
        for (int i = 0; i < SIZES.size(); i++) {
            Rendition r = both.renditions().get(i);
            assertThat(r.jpeg()).isEqualTo(jpegOnly.renditions().get(i).jpeg());
            RgbImage pixels = rendered.pixels()[i];
            assertThat(r.webp()).isEqualTo(new WebpEncoder(WEBP_QUALITY).encode(pixels.width(), pixels.height(),
                    pixels.bgr(), pixels.width() * 3, null));
            assertThat(chunk(r.webp())).as("an opaque rendition has no alpha: a simple VP8 file").isEqualTo("VP8 ");
            BufferedImage decoded = twelveMonkeys(r.webp());
            assertThat(decoded.getWidth()).isEqualTo(r.width());
            assertThat(decoded.getHeight()).isEqualTo(r.height());
        }
        assertThat(processor.process(source, SIZES, Set.of(OutputFormat.WEBP)).renditions())
                .allSatisfy(r -> assertThat(r.jpeg()).isNull())
                .extracting(Rendition::webp).containsExactly(both.renditions().get(0).webp(), both.renditions().get(1).webp());
    }

    @Test
    void logoKeepsItsTransparencyAndNoHiddenColourBleedsIntoItsEdge() throws Exception {
        // a red disc with a soft edge on transparent pixels whose (hidden) colour is green, as editors leave them
        byte[] logo = TestImages.png(disc(960, 720));
        ProcessedImage jpegOnly = processor.process(logo, SIZES);
        ProcessedImage both = processor.process(logo, SIZES, BOTH);
        ImageProcessor.Rendered rendered = renderWithAlpha(logo);
        for (int i = 0; i < SIZES.size(); i++) {
            Rendition r = both.renditions().get(i);
            assertThat(r.jpeg()).as("flattened onto white as ever").isEqualTo(jpegOnly.renditions().get(i).jpeg());
            Premultiplied.Straight straight = Premultiplied.unpremultiply(rendered.premultiplied()[i]);
            int edge = 0;
            for (int p = 0; p < straight.alpha().length; p++) {
                int a = straight.alpha()[p] & 0xFF;
                if (a > 0) { // premultiplied, red stays exactly red wherever it shows: the green under a = 0 counts for nothing
                    assertThat(bgrAt(straight.bgr(), p)).as("pixel %d, alpha %d", p, a).isEqualTo(RED);
                }
                edge += a > 0 && a < 255 ? 1 : 0;
            }
            assertThat(edge).as("a soft edge to keep").isPositive();
            assertThat(r.webp()).isEqualTo(new WebpEncoder(WEBP_QUALITY).encode(r.width(), r.height(), straight.bgr(),
                    r.width() * 3, straight.alpha()));
            BufferedImage decoded = twelveMonkeys(r.webp());
            assertThat(alphaOf(decoded)).as("the alpha a decoder reads (ALPH is lossless)").isEqualTo(unsigned(straight.alpha()));
            assertThat(decoded.getRGB(r.width() / 2, r.height() / 2) >>> 24).isEqualTo(255);
            assertThat(decoded.getRGB(0, 0) >>> 24).as("the corner stays transparent").isZero();
        }
        // the same resize of straight colour would have tinted the edge green
        Plane straightSource = straightRgba(disc(960, 720));
        Plane naive = Resampler.resample(straightSource, 0, 0, 960, 720, 240, 180);
        int greenest = 0;
        for (int p = 0, s = 0; p < 240 * 180; p++, s += 4) {
            greenest = Math.max(greenest, (naive.samples()[s + 3] & 0xFF) > 0 ? naive.samples()[s + 1] & 0xFF : 0);
        }
        assertThat(greenest).isGreaterThan(100);
    }

    @Test
    void transparencyDecodedByImageIoIsKeptToo() throws Exception {
        // 80x60: left half opaque red, right half transparent (TwelveMonkeys decodes this WebP source)
        Rendition r = processor.process(TestImages.fixture("lossless-alpha.webp"), List.of(new SizeSpec("s", 40, 30)), BOTH)
                .renditions().get(0);
        int[] alpha = alphaOf(twelveMonkeys(r.webp())).clone();
        assertThat(chunk(r.webp())).isEqualTo("VP8X");
        for (int y = 0; y < 30; y++) {
            assertThat(alpha[y * 40 + 5]).isEqualTo(255);
            assertThat(alpha[y * 40 + 35]).isZero();
        }
        assertColour(TestImages.rgbAt(TestImages.decode(r.jpeg()), 35, 15), 255, 255, 255, 3);
    }

    @Test
    void anOpaqueAlphaChannelAddsNoAlphaPlane() throws Exception {
        BufferedImage argb = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
        argb.getGraphics().drawImage(TestImages.photoLike(300, 200, 3), 0, 0, null);
        byte[] png = TestImages.png(argb);
        Rendition r = processor.process(png, List.of(new SizeSpec("s", 150, 100)), BOTH).renditions().get(0);
        RgbImage pixels = processor.render(png, List.of(new SizeSpec("s", 150, 100))).pixels()[0];
        assertThat(r.webp()).isEqualTo(new WebpEncoder(WEBP_QUALITY).encode(150, 100, pixels.bgr(), 450, null));
    }

    @Test
    void aWebpOverVp8sLimitIsRejectedByName() {
        byte[] wide = TestImages.png(TestImages.solid(17000, 2, 0x336699));
        assertThatThrownBy(() -> processor.process(wide, List.of(new SizeSpec("huge", 20000, 20000)), BOTH))
                .isInstanceOfSatisfying(ImageRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(ImageRejectedException.TOO_LARGE_FOR_WEBP));
    }

    /** The rendered sizes with their premultiplied pixels, as process() encodes them. */
    private ImageProcessor.Rendered renderWithAlpha(byte[] source) throws ImageRejectedException {
        return processor.render(source, SIZES, true);
    }

    static BufferedImage disc(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        double radius = Math.min(width, height) * 0.4;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double d = Math.hypot(x + 0.5 - width / 2.0, y + 0.5 - height / 2.0);
                int a = (int) Math.round(255 * Math.max(0, Math.min(1, (radius - d) / 6)));
                image.setRGB(x, y, a << 24 | (a == 0 ? HIDDEN_GREEN : RED));
            }
        }
        return image;
    }

    private static Plane straightRgba(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] bgra = new byte[w * h * 4];
        for (int p = 0; p < w * h; p++) {
            int argb = image.getRGB(p % w, p / w);
            bgra[p * 4] = (byte) argb;
            bgra[p * 4 + 1] = (byte) (argb >> 8);
            bgra[p * 4 + 2] = (byte) (argb >> 16);
            bgra[p * 4 + 3] = (byte) (argb >>> 24);
        }
        return new Plane(w, h, 4, w * 4, bgra);
    }

    private static int bgrAt(byte[] bgr, int p) {
        return (bgr[p * 3 + 2] & 0xFF) << 16 | (bgr[p * 3 + 1] & 0xFF) << 8 | bgr[p * 3] & 0xFF;
    }

    private static int[] unsigned(byte[] bytes) {
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return values;
    }

    private static int[] alphaOf(BufferedImage image) {
        return Arrays.stream(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()))
                .map(argb -> argb >>> 24).toArray();
    }

    /** The first chunk of a RIFF WebP: "VP8 " (simple), "VP8X" (extended, here: with alpha). */
    private static String chunk(byte[] webp) {
        assertThat(new String(webp, 0, 4, StandardCharsets.US_ASCII) + new String(webp, 8, 4, StandardCharsets.US_ASCII))
                .isEqualTo("RIFFWEBP");
        return new String(webp, 12, 4, StandardCharsets.US_ASCII);
    }

    static BufferedImage twelveMonkeys(byte[] file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("webp").next();
            try {
                reader.setInput(in);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }
}
