package io.mediasync.resizer.imaging.pipeline;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import io.mediasync.testsupport.TestImages;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;

/** CMYK test images: kept beside the resizer, the one module that has TwelveMonkeys' colour spaces. */
final class YcckJpeg {

    private YcckJpeg() {
    }

    /**
     * A YCCK JPEG (Adobe APP14 transform 2, as Photoshop writes CMYK) of one flat colour. The JDK writer stores the
     * four components as given, so they are computed here: Adobe's convention is the YCbCr of (C, M, Y) taken as if
     * it were RGB, and K inverted.
     */
    static byte[] of(int width, int height, int c, int m, int y, int k) {
        ColorSpace cmyk = ColorSpaces.getColorSpace(ColorSpaces.CS_GENERIC_CMYK);
        ComponentColorModel model = new ComponentColorModel(cmyk, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        int luma = (int) Math.round(0.299 * c + 0.587 * m + 0.114 * y);
        int cb = (int) Math.round(128 - 0.168736 * c - 0.331264 * m + 0.5 * y);
        int cr = (int) Math.round(128 + 0.5 * c - 0.418688 * m - 0.081312 * y);
        int[] pixel = {TestImages.clamp(luma), TestImages.clamp(cb), TestImages.clamp(cr), 255 - k};
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                raster.setPixel(px, py, pixel);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(model, raster.getSampleModel()), null);
        return TestImages.write(writer, new IIOImage(raster, null, metadata), null);
    }
}
