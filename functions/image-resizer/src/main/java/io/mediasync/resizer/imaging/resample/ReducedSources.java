package io.mediasync.resizer.imaging.resample;

import io.mediasync.resizer.imaging.pixels.Plane;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoded source and the box-reduced copies made from it, shared between renditions: each new copy is made
 * from the smallest existing one whose factor divides into it, so only the first reduction reads the full image.
 */
public final class ReducedSources {

    /** {@code image} is the decoded source reduced by {@code factorX x factorY}. */
    public record Reduced(int factorX, int factorY, Plane image) {
    }

    private final List<Reduced> copies = new ArrayList<>();

    public ReducedSources(Plane decoded) {
        copies.add(new Reduced(1, 1, decoded));
    }

    /** A copy reduced by {@code factor} on both axes, made elsewhere. */
    public void add(int factor, Plane copy) {
        copies.add(new Reduced(factor, factor, copy));
    }

    /**
     * The decoded source reduced by as much as possible without exceeding {@code maxFactorX x maxFactorY}, using
     * only factors that are multiples of an existing copy's (so it is made from that copy, cheaply).
     */
    public Reduced reducedByAtMost(int maxFactorX, int maxFactorY) {
        Reduced from = copies.get(0);
        for (Reduced copy : copies) {
            if (copy.factorX <= maxFactorX && copy.factorY <= maxFactorY
                    && (long) copy.factorX * copy.factorY > (long) from.factorX * from.factorY) {
                from = copy; // the smallest copy we may start from
            }
        }
        int factorX = from.factorX * (maxFactorX / from.factorX);
        int factorY = from.factorY * (maxFactorY / from.factorY);
        for (Reduced copy : copies) {
            if (copy.factorX == factorX && copy.factorY == factorY) {
                return copy;
            }
        }
        Reduced made = new Reduced(factorX, factorY,
                BoxReducer.reduce(from.image, factorX / from.factorX, factorY / from.factorY));
        copies.add(made);
        return made;
    }
}
