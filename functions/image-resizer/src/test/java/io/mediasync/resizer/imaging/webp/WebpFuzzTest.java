package io.mediasync.resizer.imaging.webp;

import io.mediasync.resizer.imaging.webp.Pictures.Alpha;
import io.mediasync.resizer.imaging.webp.Pictures.Content;
import io.mediasync.resizer.imaging.webp.Pictures.Picture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Random pictures (size, content, alpha, quality, stride) from a fixed seed, so a failure reproduces by its
 * name: each must pass {@link Conformance}, round-tripping through the independent decoders exactly.
 */
class WebpFuzzTest {

    private static final long SEED = 20261207;

    @TestFactory
    Stream<DynamicTest> randomPictures() {
        Random random = new Random(SEED);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            int width = 1 + random.nextInt(random.nextBoolean() ? 24 : 90);
            int height = 1 + random.nextInt(random.nextBoolean() ? 24 : 90);
            Content content = Content.values()[random.nextInt(Content.values().length)];
            Alpha alpha = Alpha.values()[random.nextInt(Alpha.values().length)];
            int quality = random.nextInt(101);
            long seed = random.nextLong();
            Picture picture = Pictures.make(content, alpha, width, height, seed);
            tests.add(DynamicTest.dynamicTest(picture + " q" + quality, () -> Conformance.check(picture, quality)));
        }
        return tests.stream();
    }
}
