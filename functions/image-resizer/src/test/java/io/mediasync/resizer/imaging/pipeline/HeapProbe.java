package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.imaging.ResizeMode;
import io.mediasync.testsupport.TestImages;
import java.util.List;

/**
 * Runs every decode path of the imaging core once (each format, CMYK and YCCK through TwelveMonkeys, alpha, EXIF,
 * progressive, planes and pixels): what NativeImageHeapTest needs loaded before it looks at static state. Called
 * by reflection from a fresh class loader.
 */
public final class HeapProbe {

    private HeapProbe() {
    }

    public static void exercise() throws Exception {
        ImageProcessor processor = new ImageProcessor(50_000_000L, ResizeMode.FIT, 0.85f);
        List<SizeSpec> sizes = SizeSpec.parseList(SizeSpec.DEFAULT_LIST);
        for (String fixture : List.of("progressive.jpg", "cmyk-red-patch.jpg", "exif-orientation-6.jpg", "grey-128.jpg",
                "halves.bmp", "lossless-alpha.webp", "lossless.webp", "lossy.webp", "two-frames.gif")) {
            processor.process(TestImages.fixture(fixture), sizes);
        }
        processor.process(YcckJpeg.of(64, 48, 10, 200, 30, 40), sizes);
        processor.process(TestImages.jpeg(TestImages.photoLike(1600, 1200, 7), 0.9f), sizes);
        processor.process(TestImages.png(TestImages.photoLike(900, 700, 8)), sizes);
    }
}
