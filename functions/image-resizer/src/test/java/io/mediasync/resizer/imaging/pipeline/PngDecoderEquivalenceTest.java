package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.decode.ImageDecoder;
import io.mediasync.resizer.imaging.pixels.RgbImage;
import io.mediasync.resizer.imaging.resample.BoxReducer;
import io.mediasync.testsupport.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;


import static org.assertj.core.api.Assertions.assertThat;

/** The built-in PNG decoder against ImageIO over every layout it claims; the others go to ImageIO. */
class PngDecoderEquivalenceTest {

    private static final List<PngCorpus.Entry> CORPUS = PngCorpus.all();

    static List<PngCorpus.Entry> corpus() {
        return CORPUS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void fullSizeDecodeIsExactlyImageIos(PngCorpus.Entry entry) throws Exception {
        RgbImage ours = decode(entry.png(), true, 1);
        RgbImage imageIo = decode(entry.png(), false, 1);
        assertThat(ours.width()).isEqualTo(imageIo.width());
        assertThat(ours.height()).isEqualTo(imageIo.height());
        assertThat(java.util.Arrays.equals(ours.bgr(), 0, ours.width() * ours.height() * 3,
                imageIo.bgr(), 0, imageIo.width() * imageIo.height() * 3)).as("same pixels as ImageIO").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void reducedDecodeIsExactlyTheBoxReductionOfTheFullDecode(PngCorpus.Entry entry) throws Exception {
        RgbImage full = decode(entry.png(), false, 1);
        for (int factor : new int[] {2, 3, 7}) {
            RgbImage ours = decode(entry.png(), true, factor);
            RgbImage boxed = BoxReducer.reduce(full, factor, factor);
            assertThat(ours.width()).isEqualTo(boxed.width());
            assertThat(ours.height()).isEqualTo(boxed.height());
            assertThat(java.util.Arrays.equals(ours.bgr(), 0, ours.width() * ours.height() * 3,
                    boxed.bgr(), 0, boxed.width() * boxed.height() * 3)).as("same pixels at 1/%d", factor).isTrue();
        }
    }

    @Test
    void corpusHoldsEveryDepthAndColourType() {
        List<String> layouts = CORPUS.stream().map(e -> {
            int[] dt = PngCorpus.depthAndType(e.png());
            return dt[1] + "/" + dt[0];
        }).distinct().toList();
        assertThat(layouts).contains("2/8", "6/8", "0/8", "4/8", "3/1", "3/2", "3/4", "3/8", "0/1", "0/2", "0/4");
    }

    @Test
    void interlacedAndSixteenBitPngsGoToImageIo() throws Exception {
        BufferedImage photo = TestImages.photoLike(40, 30, 3);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT); // Adam7
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(photo, null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] interlaced = bytes.toByteArray();
        assertThat(interlaced[28]).as("interlace method").isEqualTo((byte) 1);
        BufferedImage grey16 = new BufferedImage(20, 20, BufferedImage.TYPE_USHORT_GRAY);
        for (byte[] png : List.of(interlaced, TestImages.png(grey16))) {
            try (ImageDecoder decoder = ImageDecoder.open(png, true, Long.MAX_VALUE)) {
                assertThat(decoder.reducesExactly()).isFalse();
            }
        }
    }

    private static RgbImage decode(byte[] png, boolean builtIn, int factor) throws ImageRejectedException {
        try (ImageDecoder decoder = ImageDecoder.open(png, builtIn, Long.MAX_VALUE)) {
            assertThat(decoder.reducesExactly()).as("decoded by the built-in decoder").isEqualTo(builtIn);
            return decoder.decode(factor, () -> 1).rgb();
        }
    }
}
