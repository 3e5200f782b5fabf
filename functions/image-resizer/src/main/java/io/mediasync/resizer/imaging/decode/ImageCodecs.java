package io.mediasync.resizer.imaging.decode;

import com.twelvemonkeys.imageio.plugins.bmp.BMPImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import io.mediasync.resizer.imaging.ImageFormat;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.IIOServiceProvider;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;


/**
 * Creates the ImageIO reader for each format, and the JPEG writer, by naming the provider class.
 * Native-safe: nothing here depends on ImageIO scanning the class path for plugins (a native image has no class
 * path); the JDK's own codecs are registered explicitly by IIORegistry, the TwelveMonkeys ones are constructed here.
 */
public final class ImageCodecs {

    private ImageCodecs() {
    }

    /**
     * Made on first use, at run time, never in a static initializer: Quarkus initializes application classes while
     * it builds the native image, and ImageIO's providers are run-time initialized, so a provider held by a class
     * constant would end in the image heap and stop the native build (./mediasync native-check catches it).
     */
    private static volatile Providers providers;

    /** Providers are stateless and thread-safe; readers and writers they create are not, so those are per call. */
    private record Providers(ImageReaderSpi jpeg, ImageReaderSpi png, ImageReaderSpi gif, ImageReaderSpi bmp,
            ImageReaderSpi webp, ImageWriterSpi jpegWriter) {

        static Providers make() {
            // TwelveMonkeys' JPEG reader (CMYK/YCCK, ICC, lossless) wraps the JDK one, which it finds on registration.
            ImageReaderSpi jdkJpeg = jdkProvider(ImageReaderSpi.class, "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi");
            return new Providers(withDelegate(new JPEGImageReaderSpi(), jdkJpeg),
                    jdkProvider(ImageReaderSpi.class, "com.sun.imageio.plugins.png.PNGImageReaderSpi"),
                    jdkProvider(ImageReaderSpi.class, "com.sun.imageio.plugins.gif.GIFImageReaderSpi"),
                    new BMPImageReaderSpi(), new WebPImageReaderSpi(),
                    jdkProvider(ImageWriterSpi.class, "com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi"));
        }
    }

    private static Providers providers() {
        Providers p = providers;
        if (p == null) {
            p = Providers.make(); // two threads may both make them: equal, stateless, and the last one is kept
            providers = p;
        }
        return p;
    }

    static ImageReader reader(ImageFormat format) throws IOException {
        Providers p = providers();
        ImageReaderSpi spi = switch (format) {
            case JPEG -> p.jpeg();
            case PNG -> p.png();
            case GIF -> p.gif();
            case BMP -> p.bmp();
            case WEBP -> p.webp();
        };
        return spi.createReaderInstance(null);
    }

    /** The JDK's baseline JPEG writer (libjpeg); TwelveMonkeys' writer would only wrap it. */
    public static ImageWriter jpegWriter() throws IOException {
        return providers().jpegWriter().createWriterInstance(null);
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
