package io.mediasync.resizer.imaging.resample;

import io.mediasync.resizer.imaging.ResizeMode;

/**
 * One rendition's output size and the centred region of the source it shows, in source pixels.
 * FIT and FORCE show the whole source; FILL shows the centred part that has the box's aspect ratio.
 */
public record ResizeGeometry(int width, int height, double regionWidth, double regionHeight) {

    public static ResizeGeometry of(ResizeMode mode, int sourceWidth, int sourceHeight, int boxWidth, int boxHeight) {
        double scaleX = (double) boxWidth / sourceWidth;
        double scaleY = (double) boxHeight / sourceHeight;
        return switch (mode) {
            case FIT -> {
                double scale = Math.min(1.0, Math.min(scaleX, scaleY));
                yield new ResizeGeometry(
                        clamp(Math.round(sourceWidth * scale), boxWidth),
                        clamp(Math.round(sourceHeight * scale), boxHeight),
                        sourceWidth, sourceHeight);
            }
            case FILL -> {
                // cover the box, but never enlarge: a source smaller than the box is only cropped
                double scale = Math.min(1.0, Math.max(scaleX, scaleY));
                int width = clamp(Math.round(sourceWidth * scale), boxWidth);
                int height = clamp(Math.round(sourceHeight * scale), boxHeight);
                yield new ResizeGeometry(width, height,
                        Math.min(sourceWidth, width / scale), Math.min(sourceHeight, height / scale));
            }
            case FORCE -> new ResizeGeometry(boxWidth, boxHeight, sourceWidth, sourceHeight);
        };
    }

    private static int clamp(long size, int max) {
        return (int) Math.max(1, Math.min(size, max));
    }

    /** The same rendition before the orientation is applied: a centred region stays centred, axes may swap. */
    public ResizeGeometry beforeOrientation(ExifOrientation orientation) {
        return orientation.swapsAxes() ? new ResizeGeometry(height, width, regionHeight, regionWidth) : this;
    }

    /** Left edge of the centred region in a source {@code sourceWidth} wide. */
    public double regionX(int sourceWidth) {
        return (sourceWidth - regionWidth) / 2.0;
    }

    public double regionY(int sourceHeight) {
        return (sourceHeight - regionHeight) / 2.0;
    }
}
