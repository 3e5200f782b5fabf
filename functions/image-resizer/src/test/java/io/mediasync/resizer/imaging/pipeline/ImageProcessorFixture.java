package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.ProcessedImage;
import io.mediasync.resizer.imaging.ResizeMode;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

import static io.mediasync.testsupport.TestImages.decode;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ImageProcessor} test shares: the standard sizes, a FIT processor and the checks on its output. */
abstract class ImageProcessorFixture {

    static final long FIFTY_MP = 50_000_000L;
    static final List<SizeSpec> STANDARD = SizeSpec.parseList(SizeSpec.DEFAULT_LIST);

    final ImageProcessor fit = new ImageProcessor(FIFTY_MP, ResizeMode.FIT, 0.85f);

    static void assertColour(int[] rgb, int r, int g, int b, int tolerance) {
        assertThat(rgb[0]).as("red of %s", Arrays.toString(rgb)).isBetween(r - tolerance, r + tolerance);
        assertThat(rgb[1]).as("green of %s", Arrays.toString(rgb)).isBetween(g - tolerance, g + tolerance);
        assertThat(rgb[2]).as("blue of %s", Arrays.toString(rgb)).isBetween(b - tolerance, b + tolerance);
    }

    static void assertRed(int[] rgb) {
        assertThat(rgb[0]).as("red of %s", Arrays.toString(rgb)).isGreaterThan(200);
        assertThat(rgb[1]).as("green of %s", Arrays.toString(rgb)).isLessThan(60);
        assertThat(rgb[2]).as("blue of %s", Arrays.toString(rgb)).isLessThan(60);
    }

    static BufferedImage only(ProcessedImage result) {
        assertThat(result.renditions()).hasSize(1);
        return decode(result.renditions().get(0).jpeg());
    }

    /** Bytes this thread has allocated so far: the difference across a call bounds its memory. */
    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    ImageRejectedException rejection(ImageProcessor processor, byte[] source) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> processor.process(source, STANDARD));
        assertThat(thrown).isInstanceOf(ImageRejectedException.class);
        return (ImageRejectedException) thrown;
    }
}
