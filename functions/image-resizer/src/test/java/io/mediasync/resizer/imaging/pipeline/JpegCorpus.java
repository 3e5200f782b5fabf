package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.testsupport.TestImages;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JPEGs of every layout the built-in decoder claims, written by ImageIO's own encoder (libjpeg) through its native
 * metadata: sampling factors per component, progressive scans, restart intervals (DRI), Adobe transforms.
 */
final class JpegCorpus {

    private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

    /** One corpus entry: what it is, and its bytes. */
    record Entry(String name, byte[] jpeg) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Chroma layouts as (H, V) of Y, Cb, Cr: the common ones, then rarer and odd ones. */
    static final int[][][] SAMPLINGS = {
        {{1, 1}, {1, 1}, {1, 1}}, // 4:4:4
        {{2, 1}, {1, 1}, {1, 1}}, // 4:2:2
        {{2, 2}, {1, 1}, {1, 1}}, // 4:2:0
        {{4, 1}, {1, 1}, {1, 1}}, // 4:1:1
        {{1, 2}, {1, 1}, {1, 1}}, // 4:4:0
        {{3, 1}, {1, 1}, {1, 1}}, // odd: 3 luma samples per chroma sample
        {{2, 2}, {1, 2}, {2, 1}}, // odd: each chroma component subsampled differently
    };

    private JpegCorpus() {
    }

    static String samplingName(int[][] sampling) {
        StringBuilder name = new StringBuilder();
        for (int[] hv : sampling) {
            name.append(name.length() == 0 ? "" : ",").append(hv[0]).append('x').append(hv[1]);
        }
        return name.toString();
    }

    /** Every sampling, each baseline and progressive, each with and without restart intervals; then the rest. */
    static List<Entry> all() {
        BufferedImage photo = TestImages.photoLike(203, 157, 11); // not a multiple of any MCU: partial edge blocks
        List<Entry> corpus = new ArrayList<>();
        for (int[][] sampling : SAMPLINGS) {
            for (boolean progressive : new boolean[] {false, true}) {
                for (int restart : new int[] {0, 3}) {
                    corpus.add(new Entry(samplingName(sampling) + (progressive ? " progressive" : " baseline")
                            + (restart > 0 ? " restart " + restart : ""), write(photo, sampling, progressive, restart, -1)));
                }
            }
        }
        BufferedImage grey = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.createGraphics().drawImage(photo, 0, 0, null);
        corpus.add(new Entry("grey baseline", write(grey, null, false, 0, -1)));
        corpus.add(new Entry("grey progressive", write(grey, null, true, 0, -1)));
        corpus.add(new Entry("grey restart 5", write(grey, null, false, 5, -1)));
        corpus.add(new Entry("Adobe RGB (no colour transform)", write(photo, null, false, 0, 0)));
        corpus.add(new Entry("Adobe RGB progressive", write(photo, null, true, 0, 0)));
        corpus.add(new Entry("YCCK (Adobe transform 2)", fourComponents(131, 93, 2, false)));
        corpus.add(new Entry("YCCK progressive", fourComponents(131, 93, 2, true)));
        corpus.add(new Entry("CMYK (Adobe transform 0)", fourComponents(131, 93, 0, false)));
        return corpus;
    }

    /**
     * @param sampling       (H, V) per component, or null for the writer's default (4:2:0, or 1x1 for grey)
     * @param adobeTransform -1 for the default JFIF file; 0 for an Adobe APP14 segment saying "no transform" (RGB
     *                       stored as is)
     */
    static byte[] write(BufferedImage image, int[][] sampling, boolean progressive, int restartInterval, int adobeTransform) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        try {
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            Element root = (Element) metadata.getAsTree(FORMAT);
            if (sampling != null) {
                NodeList specs = root.getElementsByTagName("componentSpec");
                for (int i = 0; i < specs.getLength(); i++) {
                    Element spec = (Element) specs.item(i);
                    spec.setAttribute("HsamplingFactor", String.valueOf(sampling[i][0]));
                    spec.setAttribute("VsamplingFactor", String.valueOf(sampling[i][1]));
                }
            }
            Element markers = (Element) root.getElementsByTagName("markerSequence").item(0);
            if (restartInterval > 0) {
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", String.valueOf(restartInterval));
                markers.insertBefore(dri, markers.getFirstChild());
            }
            if (adobeTransform >= 0) {
                Element variety = (Element) root.getElementsByTagName("JPEGvariety").item(0);
                while (variety.hasChildNodes()) {
                    variety.removeChild(variety.getFirstChild()); // no JFIF: it would mean YCbCr
                }
                IIOMetadataNode adobe = new IIOMetadataNode("app14Adobe");
                adobe.setAttribute("transform", String.valueOf(adobeTransform));
                markers.insertBefore(adobe, markers.getFirstChild());
            }
            metadata.setFromTree(FORMAT, root);
            return TestImages.write(writer, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            writer.dispose();
            throw new UncheckedIOException(e);
        }
    }

    /** A four-component JPEG of varied content, stored as CMYK or YCCK as the Adobe transform says. */
    static byte[] fourComponents(int width, int height, int adobeTransform, boolean progressive) {
        var model = new java.awt.image.ComponentColorModel(
                com.twelvemonkeys.imageio.color.ColorSpaces.getColorSpace(com.twelvemonkeys.imageio.color.ColorSpaces.CS_GENERIC_CMYK),
                false, false, java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_BYTE);
        java.awt.image.WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        java.util.Random random = new java.util.Random(adobeTransform);
        int[] pixel = new int[4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixel[0] = x * 255 / width;
                pixel[1] = y * 255 / height;
                pixel[2] = (x + y) % 64 < 32 ? 40 : 220;
                pixel[3] = Math.max(0, Math.min(255, 128 + random.nextInt(41) - 20));
                raster.setPixel(x, y, pixel);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        try {
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(model, raster.getSampleModel()), param);
            Element root = (Element) metadata.getAsTree(FORMAT);
            Element adobe = (Element) root.getElementsByTagName("app14Adobe").item(0);
            adobe.setAttribute("transform", String.valueOf(adobeTransform));
            metadata.setFromTree(FORMAT, root);
            return TestImages.write(writer, new IIOImage(raster, null, metadata), param);
        } catch (IOException e) {
            writer.dispose();
            throw new UncheckedIOException(e);
        }
    }

    /** How many RSTn markers the entropy-coded data holds. */
    static int restartMarkers(byte[] jpeg) {
        int count = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && (jpeg[i + 1] & 0xF8) == 0xD0) {
                count++;
            }
        }
        return count;
    }
}
