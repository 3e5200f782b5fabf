package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.ProcessedImage;
import io.mediasync.resizer.imaging.ResizeMode;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The outcome rule of the fuzz tests: every input ends with an image or a clean rejection (a known code), within a
 * memory bound (bytes allocated: the work a crafted file can make the decoders do). The built-in decoder is also run
 * alone: it may only fail with its own checked exception, anything else is a defect the pipeline would hide by
 * handing the file to ImageIO. How fast an input ends is not asserted (a busy machine would fail it);
 * {@link #HANG_GUARD} only stops an input that never ends, such as an endless scan loop.
 */
final class FuzzCheck {

    /** The built-in decoder alone on an input; checked exceptions are its clean refusals. */
    @FunctionalInterface
    interface Direct {
        void decode(byte[] input) throws Exception;
    }

    private static final Set<String> CODES = Set.of(ImageRejectedException.NOT_AN_IMAGE,
            ImageRejectedException.UNSUPPORTED_FORMAT, ImageRejectedException.TOO_MANY_PIXELS, ImageRejectedException.CORRUPT_IMAGE);
    /** Far above any input's time (milliseconds): fails a decoder stuck in a loop instead of hanging the build. */
    static final Duration HANG_GUARD = Duration.ofSeconds(60);
    static final long MEMORY_BOUND = 64L << 20;
    /** Small enough that the base images are reduced while decoding: the built-in decoders take them. */
    static final List<SizeSpec> SIZES = SizeSpec.parseList("4x4,8x8");
    private static final ImageProcessor PROCESSOR = new ImageProcessor(50_000_000L, ResizeMode.FIT, 0.85f);
    private static final ImageProcessor IMAGE_IO = new ImageProcessor(50_000_000L, ImageProcessor.DEFAULT_MAX_DECODED_PIXELS,
            ResizeMode.FIT, 0.85f, false);

    private FuzzCheck() {
    }

    /** The pipeline on ImageIO alone, as before the built-in decoders: the rejection code, or null for an image. */
    static String imageIoVerdict(byte[] input) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                IMAGE_IO.process(input, SIZES);
                return null;
            } catch (ImageRejectedException e) {
                return e.code();
            }
        });
    }

    /** Returns the rejection as "code: reason", or null for an image; {@code truncated} inputs must be rejected. */
    static String check(byte[] input, boolean truncated, Direct direct) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            try {
                direct.decode(input);
            } catch (RuntimeException e) {
                throw new AssertionError("the built-in decoder failed with " + e, e);
            } catch (Exception expected) {
                // a clean refusal
            }
            String outcome = null;
            try {
                ProcessedImage image = PROCESSOR.process(input, SIZES);
                assertThat(image.renditions()).hasSize(SIZES.size());
            } catch (ImageRejectedException e) {
                assertThat(CODES).contains(e.code());
                outcome = e.code() + ": " + e.reason();
            }
            assertThat(threads.getCurrentThreadAllocatedBytes() - before).as("bytes allocated").isLessThan(MEMORY_BOUND);
            if (truncated) {
                assertThat(outcome).as("a truncated image is never published").isNotNull();
            }
            return outcome;
        });
    }
}
