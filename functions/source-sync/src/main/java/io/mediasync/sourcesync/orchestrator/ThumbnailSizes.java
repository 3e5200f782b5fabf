package io.mediasync.sourcesync.orchestrator;

import io.mediasync.common.images.ResizedImageKeys;
import io.mediasync.common.images.SizeSpec;
import java.util.List;

/**
 * The labels of the resizer's sizes (RESIZE_SIZES, read with the resizer's own grammar, {@link SizeSpec}): with
 * {@link ResizedImageKeys} they name the thumbnails the resizer made of some bytes.
 */
public record ThumbnailSizes(List<String> labels) {

    public ThumbnailSizes {
        labels = List.copyOf(labels);
    }

    /** The labels of a RESIZE_SIZES list; a list the resizer would refuse is refused here too. */
    public static ThumbnailSizes parse(String spec) {
        return new ThumbnailSizes(SizeSpec.parseList(spec).stream().map(SizeSpec::label).toList());
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
