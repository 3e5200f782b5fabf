package io.mediasync.resync;

import io.mediasync.testsupport.HttpFixture;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/** Images on a loopback HTTP server: each path its own distinct JPEG, some paths deliberately broken. */
final class ImageHost implements AutoCloseable {

    private final HttpFixture web = new HttpFixture();
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();

    /** Serves a new distinct JPEG at the path. @return its URL */
    String image(String path) {
        byte[] jpeg = jpeg(path.hashCode());
        served.put(path, jpeg);
        web.serve(path, jpeg, "image/jpeg");
        return web.url(path);
    }

    /** A page of HTML where an image should be. @return its URL */
    String html(String path) {
        web.serve(path, "<html><body>no image here</body></html>".getBytes(), "text/html");
        return web.url(path);
    }

    /** A path nothing is served at (404). */
    String missing(String path) {
        return web.url(path);
    }

    byte[] bytes(String path) {
        return served.get(path);
    }

    static byte[] jpeg(int seed) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(seed & 0xFFFFFF));
        g.fillRect(0, 0, 64, 48);
        g.setColor(new Color(~seed & 0xFFFFFF));
        g.fillOval(Math.floorMod(seed, 40), Math.floorMod(seed >> 8, 30), 20, 16);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        web.close();
    }
}
