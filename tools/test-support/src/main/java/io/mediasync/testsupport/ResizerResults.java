package io.mediasync.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the image-resizer forwards for an order, built from the order and the source bytes: the order untouched,
 * plus {@code <field>_info} ({@code {label: {"url", "bucket_path"}}}) for each resized field and, when the order says
 * {@code "report_failures": true}, {@code <field>_error} ({@code {"code", "reason"}}) for each failed one. The resizer's
 * own test checks its real output against this, so a consumer's test (collection-resync's apply) can feed it exactly
 * what the resizer sends.
 */
public final class ResizerResults {

    public static final List<String> DEFAULT_LABELS = List.of("50x50", "250x250", "800x800");

    private final String urlBase;
    private final List<String> labels;

    /** @param urlBase the resizer's PUBLIC_BASE_URL, or its S3 endpoint + "/" + bucket when none is set */
    public ResizerResults(String urlBase) {
        this(urlBase, DEFAULT_LABELS);
    }

    public ResizerResults(String urlBase, List<String> labels) {
        this.urlBase = urlBase.endsWith("/") ? urlBase.substring(0, urlBase.length() - 1) : urlBase;
        this.labels = List.copyOf(labels);
    }

    /** A copy of the order with {@code <field>_info} for these source bytes stored under {@code bucketName}. */
    public ObjectNode resized(ObjectNode resultSoFar, String field, String bucketName, byte[] source) {
        ObjectNode result = resultSoFar.deepCopy();
        String id = sha256(source).substring(0, 32);
        String bucketPath = "images-resized/" + bucketName + "/";
        ObjectNode info = result.putObject(field + "_info");
        for (String label : labels) {
            info.putObject(label).put("url", url(bucketPath + id + "_" + label + ".jpeg")).put("bucket_path", bucketPath);
        }
        return result;
    }

    /** A copy of the order with {@code <field>_error}, as reported when the order asked for failure reports. */
    public static ObjectNode failed(ObjectNode resultSoFar, String field, String code, String reason) {
        ObjectNode result = resultSoFar.deepCopy();
        result.putObject(field + "_error").put("code", code).put("reason", reason);
        return result;
    }

    /** Each key segment URL-encoded, as the resizer writes its public URLs. */
    private String url(String key) {
        return urlBase + "/" + Arrays.stream(key.split("/"))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
