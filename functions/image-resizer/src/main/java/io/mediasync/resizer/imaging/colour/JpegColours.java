package io.mediasync.resizer.imaging.colour;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import io.mediasync.resizer.imaging.jpeg.ColourKind;
import io.mediasync.resizer.imaging.jpeg.JpegImage;
import io.mediasync.resizer.imaging.pixels.RgbImage;
import java.awt.Point;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;


/**
 * The colour management the ImageIO path applies to JPEGs (TwelveMonkeys' reader), applied to the built-in decoder's
 * output: an embedded non-sRGB RGB profile is converted to sRGB, CMYK and YCCK go through their embedded CMYK profile
 * or the generic CMYK space, grey ignores profiles. Done on the decoded (often reduced) image.
 */
public final class JpegColours {

    private JpegColours() {
    }

    /** Whether a JPEG of this colour and embedded profile goes through colour management (else it is sRGB as decoded). */
    public static boolean managed(ColourKind colour, byte[] iccProfile) {
        return switch (colour) {
            case GRAY -> false;
            case YCC, RGB -> isNonSrgbRgb(profile(iccProfile));
            case CMYK, YCCK -> true;
        };
    }

    private static boolean isNonSrgbRgb(ICC_Profile profile) {
        return profile != null && profile.getNumComponents() == 3 && !ColorSpaces.isCS_sRGB(profile);
    }

    public static RgbImage toRgb(JpegImage image) {
        ICC_Profile profile = profile(image.iccProfile());
        return switch (image.colour()) {
            case GRAY -> packed(image);
            case YCC, RGB -> isNonSrgbRgb(profile) ? convert(image, ColorSpaces.createColorSpace(profile)) : packed(image);
            case CMYK, YCCK -> {
                ColorSpace cmyk = profile != null && profile.getNumComponents() == 4
                        ? ColorSpaces.createColorSpace(profile)
                        : ColorSpaces.getColorSpace(ColorSpaces.CS_GENERIC_CMYK);
                yield cmyk instanceof ICC_ColorSpace ? convert(image, cmyk) : naiveCmyk(image);
            }
        };
    }

    private static RgbImage packed(JpegImage image) {
        return new RgbImage(image.width(), image.height(), image.pixels());
    }

    /** The embedded profile as TwelveMonkeys reads it: unreadable ones are ignored, not fatal. */
    private static ICC_Profile profile(byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return ColorSpaces.validateProfile(asDisplayClass(ICC_Profile.getInstance(data)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * ColorConvertOp treats a first profile of the output class as relative colorimetric whatever its rendering
     * intent says; a perceptual one is relabelled a display profile first, as TwelveMonkeys does.
     */
    private static ICC_Profile asDisplayClass(ICC_Profile profile) {
        if (profile.getProfileClass() == ICC_Profile.CLASS_DISPLAY) {
            return profile;
        }
        byte[] data = profile.getData();
        if (data[ICC_Profile.icHdrRenderingIntent] != ICC_Profile.icPerceptual) {
            return profile;
        }
        int display = ICC_Profile.icSigDisplayClass;
        data[ICC_Profile.icHdrDeviceClass] = (byte) (display >> 24);
        data[ICC_Profile.icHdrDeviceClass + 1] = (byte) (display >> 16);
        data[ICC_Profile.icHdrDeviceClass + 2] = (byte) (display >> 8);
        data[ICC_Profile.icHdrDeviceClass + 3] = (byte) display;
        return ICC_Profile.getInstance(data);
    }

    /** Bulk conversion by the JDK's colour management (LCMS) into a new sRGB image. */
    private static RgbImage convert(JpegImage image, ColorSpace from) {
        int bands = image.colour().bands();
        int[] offsets = bands == 4 ? new int[] {0, 1, 2, 3} : new int[] {2, 1, 0}; // band order: C M Y K, or R G B
        Raster source = raster(image.pixels(), image.width(), image.height(), bands, offsets);
        RgbImage out = RgbImage.allocate(image.width(), image.height());
        WritableRaster target = raster(out.bgr(), image.width(), image.height(), 3, new int[] {2, 1, 0});
        new ColorConvertOp(from, ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(source, target);
        return out;
    }

    private static WritableRaster raster(byte[] data, int width, int height, int bands, int[] offsets) {
        var model = new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, width, height, bands, width * bands, offsets);
        return Raster.createWritableRaster(model, new DataBufferByte(data, width * height * bands), new Point(0, 0));
    }

    /** Without an ICC CMYK space, TwelveMonkeys' plain formula: R = 255 - (C (255 - K) / 255 + K). */
    private static RgbImage naiveCmyk(JpegImage image) {
        byte[] cmyk = image.pixels();
        RgbImage out = RgbImage.allocate(image.width(), image.height());
        byte[] bgr = out.bgr();
        for (int s = 0, d = 0; d < bgr.length; s += 4, d += 3) {
            int k = cmyk[s + 3] & 0xFF;
            bgr[d] = (byte) (255 - ((cmyk[s + 2] & 0xFF) * (255 - k) / 255 + k));
            bgr[d + 1] = (byte) (255 - ((cmyk[s + 1] & 0xFF) * (255 - k) / 255 + k));
            bgr[d + 2] = (byte) (255 - ((cmyk[s] & 0xFF) * (255 - k) / 255 + k));
        }
        return out;
    }
}
