package io.mediasync.resizer.imaging;

import com.twelvemonkeys.imageio.plugins.bmp.BMPImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.IIOServiceProvider;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * Creates the ImageIO reader for each format, and the JPEG writer, by naming the provider class.
 * Native-safe: nothing here depends on ImageIO scanning the class path for plugins (a native image has no class
 * path); the JDK's own codecs are registered explicitly by IIORegistry, the TwelveMonkeys ones are constructed here.
 */
final class ImageCodecs {

    private ImageCodecs() {
    }

    /** Providers are stateless and thread-safe; readers and writers they create are not, so those are per call. */
    private static final class Providers {
        static final ImageReaderSpi JDK_JPEG = jdkProvider(ImageReaderSpi.class, "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi");
        // TwelveMonkeys' JPEG reader (CMYK/YCCK, ICC, lossless) wraps the JDK one, which it finds on registration.
        static final ImageReaderSpi JPEG = withDelegate(new JPEGImageReaderSpi(), JDK_JPEG);
        static final ImageReaderSpi PNG = jdkProvider(ImageReaderSpi.class, "com.sun.imageio.plugins.png.PNGImageReaderSpi");
        static final ImageReaderSpi GIF = jdkProvider(ImageReaderSpi.class, "com.sun.imageio.plugins.gif.GIFImageReaderSpi");
        static final ImageReaderSpi BMP = new BMPImageReaderSpi();
        static final ImageReaderSpi WEBP = new WebPImageReaderSpi();
        static final ImageWriterSpi JDK_JPEG_WRITER = jdkProvider(ImageWriterSpi.class, "com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi");
    }

    static ImageReader reader(ImageFormat format) throws IOException {
        ImageReaderSpi spi = switch (format) {
            case JPEG -> Providers.JPEG;
            case PNG -> Providers.PNG;
            case GIF -> Providers.GIF;
            case BMP -> Providers.BMP;
            case WEBP -> Providers.WEBP;
        };
        return spi.createReaderInstance(null);
    }

    /** The JDK's baseline JPEG writer (libjpeg); TwelveMonkeys' writer would only wrap it. */
    static ImageWriter jpegWriter() throws IOException {
        return Providers.JDK_JPEG_WRITER.createWriterInstance(null);
    }

    /** A JDK built-in provider, looked up by class name among the ones IIORegistry registers itself. */
    private static <T extends IIOServiceProvider> T jdkProvider(Class<T> category, String className) {
        Iterator<T> found = IIORegistry.getDefaultInstance()
                .getServiceProviders(category, provider -> provider.getClass().getName().equals(className), false);
        if (!found.hasNext()) {
            throw new IllegalStateException("the JDK image codec " + className + " is not available");
        }
        return found.next();
    }

    /**
     * TwelveMonkeys' JPEG provider looks up its JDK delegate in onRegistration; registering both in a private
     * registry gives it exactly that delegate without touching the global ImageIO registry.
     */
    private static ImageReaderSpi withDelegate(JPEGImageReaderSpi spi, ImageReaderSpi delegate) {
        ServiceRegistry registry = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        registry.registerServiceProvider(delegate, ImageReaderSpi.class);
        registry.registerServiceProvider(spi, ImageReaderSpi.class);
        return spi;
    }
}
