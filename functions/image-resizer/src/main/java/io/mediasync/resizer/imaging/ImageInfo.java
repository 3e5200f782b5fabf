package io.mediasync.resizer.imaging;

/** What the header says: format and dimensions (after EXIF orientation). */
public record ImageInfo(ImageFormat format, int width, int height) {

    public long pixels() {
        return (long) width * height;
    }
}
