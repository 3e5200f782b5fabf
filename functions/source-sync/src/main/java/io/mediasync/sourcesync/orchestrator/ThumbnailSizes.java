package io.mediasync.sourcesync.orchestrator;

import io.mediasync.common.images.ResizedImageKeys;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The labels of the resizer's sizes (RESIZE_SIZES, "WxH" or "label=WxH", the resizer's syntax): with
 * {@link ResizedImageKeys} they name the thumbnails the resizer made of some bytes.
 */
public record ThumbnailSizes(List<String> labels) {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern BOX = Pattern.compile("\\d{1,9}[xX]\\d{1,9}");

    public ThumbnailSizes {
        labels = List.copyOf(labels);
    }

    public static ThumbnailSizes parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("RESIZE_SIZES is empty; expected e.g. 50x50,250x250");
        }
        Set<String> labels = new LinkedHashSet<>();
        for (String raw : spec.split(",", -1)) {
            String item = raw.trim();
            int eq = item.indexOf('=');
            String label = eq < 0 ? item : item.substring(0, eq).trim();
            String box = eq < 0 ? item : item.substring(eq + 1).trim();
            if (!BOX.matcher(box).matches() || !LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("size '" + item + "' is not WIDTHxHEIGHT or label=WIDTHxHEIGHT");
            }
            if (!labels.add(label)) {
                throw new IllegalArgumentException("size label '" + label + "' is used twice");
            }
        }
        return new ThumbnailSizes(new ArrayList<>(labels));
    }

    /** The JPEG keys the resizer writes for these bytes (their full SHA-256) under this bucket_name. */
    public List<String> keys(String bucketName, String sha256) {
        return keys(bucketName, sha256, List.of("jpeg"));
    }

    /** The keys of these bytes' sizes in each format of {@code extensions} ("jpeg", "webp"), size by size. */
    public List<String> keys(String bucketName, String sha256, List<String> extensions) {
        String id = ResizedImageKeys.imageId(sha256);
        return labels.stream().flatMap(label -> extensions.stream()
                .map(extension -> ResizedImageKeys.key(bucketName, id, label, extension))).toList();
    }
}
