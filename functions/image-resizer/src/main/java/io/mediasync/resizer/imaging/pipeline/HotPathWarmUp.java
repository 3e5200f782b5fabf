package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.OutputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Runs the resize path on the bundled priming images until its hot loops are compiled by the JIT's optimising tier:
 * what the SnapStart snapshot should hold, so that the first orders after a restore run at the steady state's speed
 * (measured by {@code bench resize}'s primed row, docs/benchmarks.md) instead of in the interpreter and C1.
 * No CDI and no CRaC here, so the benchmark runs exactly this.
 */
public final class HotPathWarmUp {

    /**
     * The decode paths real orders take: a 4000x3000 4:2:0 JPEG (a photo: to planes, at half its size for the largest
     * rendition), a 2400x2400 one (a large cover: to pixels through the reduced DCT scale, the path of a 3000 px cover
     * for an 800 px box), a 1600x1600 one (a cover: decoded at full size), all baseline, and a 640x640 PNG with
     * transparency (inflate, unfiltering, alpha); every size and the encoders of each. Generated once (gradients,
     * shapes, noise, smooth enough to stay small; the large cover is the cover enlarged by libvips, quality 70):
     * together 925 KB of the package. A path missing here is met cold after a restore (the 3000 px cover's first image
     * cost 1.48x the best peer before the large cover was added).
     */
    static final List<String> SAMPLES = List.of("/priming/photo.jpg", "/priming/large-cover.jpg",
            "/priming/cover.jpg", "/priming/logo.png");
    /** A small JPEG for the cold start's cheaper warm-up, where a whole round of the samples above would cost too much. */
    public static final String SMALL_SAMPLE = "/priming/sample.jpg";
    /**
     * The optimising tier compiles the resize loops after about 20 images (bench resize: 128 ms per image after 10
     * warm-up images, 35 ms after 30, with Lambda's flags and C2 allowed); fewer rounds are never steady.
     */
    static final int MIN_ROUNDS = 24;
    /** Steady: this many rounds in a row within {@link #STEADY_TOLERANCE} of the fastest round so far. */
    private static final int STEADY_ROUNDS = 3;
    private static final double STEADY_TOLERANCE = 1.10;

    /** What priming did: rounds run, the last round's time, and whether it stopped steady (not at the budget). */
    public record Result(int rounds, int renditions, Duration lastRound, boolean steady) {
    }

    private HotPathWarmUp() {
    }

    /**
     * Rounds over every sample, at least {@link #MIN_ROUNDS}, until steady or until {@code budget} is spent; each
     * sample to every size in every format a default order gets (so WebP's encoder too where it is the default).
     */
    public static Result untilSteady(ImageProcessor processor, List<SizeSpec> sizes, Set<OutputFormat> formats, Duration budget)
            throws ImageRejectedException {
        List<byte[]> samples = SAMPLES.stream().map(HotPathWarmUp::bundled).toList();
        long deadline = System.nanoTime() + budget.toNanos();
        long fastest = Long.MAX_VALUE;
        int steadyRounds = 0;
        int rounds = 0;
        int renditions = 0;
        long last = 0;
        while (System.nanoTime() < deadline) {
            long started = System.nanoTime();
            for (byte[] sample : samples) {
                renditions += processor.process(sample, sizes, formats).renditions().size();
            }
            last = System.nanoTime() - started;
            rounds++;
            fastest = Math.min(fastest, last);
            steadyRounds = last <= fastest * STEADY_TOLERANCE ? steadyRounds + 1 : 0;
            if (rounds >= MIN_ROUNDS && steadyRounds >= STEADY_ROUNDS) {
                return new Result(rounds, renditions, Duration.ofNanos(last), true);
            }
        }
        return new Result(rounds, renditions, Duration.ofNanos(last), false);
    }

    /** The bytes of a bundled priming image: the one reader of the package's priming resources. */
    public static byte[] bundled(String resource) {
        try (InputStream in = HotPathWarmUp.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not in the package");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
