package io.mediasync.common.images;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One output size: label is the key in the result JSON and in the S3 key, e.g. "50x50". The one grammar of RESIZE_SIZES,
 * read by the resizer (what to make) and by source-sync's orchestrator (which keys the resizer wrote).
 */
public record SizeSpec(String label, int width, int height) {

    /** RESIZE_SIZES' default, the seed's three sizes. */
    public static final String DEFAULT_LIST = "50x50,250x250,800x800";

    /** JPEG cannot encode a side longer than this. */
    static final int MAX_SIDE = 65_500;

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern BOX = Pattern.compile("(\\d{1,9})[xX](\\d{1,9})");

    public SizeSpec {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("size label '" + label + "' must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("size '" + label + "' must be between 1x1 and " + MAX_SIDE + "x" + MAX_SIDE
                    + ", got " + width + "x" + height);
        }
    }

    /**
     * Parses "50x50,250x250,800x800" (label = the text) and "thumb=50x50,250X250=250x250" (explicit label).
     * Rejects bad input with IllegalArgumentException naming the bad item.
     */
    public static List<SizeSpec> parseList(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("size list is empty; expected e.g. 50x50,250x250");
        }
        List<SizeSpec> sizes = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (String rawItem : spec.split(",", -1)) {
            SizeSpec size = parseItem(rawItem.trim());
            if (!labels.add(size.label())) {
                throw new IllegalArgumentException("size '" + rawItem.trim() + "': label '" + size.label() + "' is used twice");
            }
            sizes.add(size);
        }
        return List.copyOf(sizes);
    }

    private static SizeSpec parseItem(String item) {
        if (item.isEmpty()) {
            throw new IllegalArgumentException("size list has an empty item; expected e.g. 50x50,250x250");
        }
        int eq = item.indexOf('=');
        String label = eq < 0 ? item : item.substring(0, eq).trim();
        String box = eq < 0 ? item : item.substring(eq + 1).trim();
        Matcher m = BOX.matcher(box);
        if (!m.matches()) {
            throw new IllegalArgumentException("size '" + item + "' is not WIDTHxHEIGHT or label=WIDTHxHEIGHT");
        }
        try {
            return new SizeSpec(label, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("size '" + item + "': " + e.getMessage(), e);
        }
    }
}
