package io.mediasync.resizer.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns an SQS body into an {@link ImageOrder}, or says precisely why it is not one. */
public final class OrderParser {

    private static final int MAX_BUCKET_NAME = 128;

    private final ObjectMapper json;
    private final String defaultBucketName;

    public OrderParser(ObjectMapper json, String defaultBucketName) {
        this.json = json;
        this.defaultBucketName = defaultBucketName;
    }

    public ImageOrder parse(String body) throws OrderRejectedException {
        JsonNode root;
        try {
            root = body == null ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new OrderRejectedException("not_json", "message body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new OrderRejectedException("not_json_object", "message body must be a JSON object");
        }
        ObjectNode message = (ObjectNode) root;

        Map<String, String> images = new LinkedHashMap<>();
        for (String field : new String[] {ImageOrder.IMAGE_URL, ImageOrder.ITUNES_IMAGE}) {
            text(message, field).ifPresent(url -> images.put(field, url));
        }
        if (images.isEmpty()) {
            throw new OrderRejectedException("missing_image", "at least one of image_url, itunes_image is required");
        }
        for (Map.Entry<String, String> image : images.entrySet()) {
            checkSourceUrl(image.getKey(), image.getValue());
        }
        Optional<String> redirectQueue = text(message, "redirect_queue");
        Optional<String> postbackUrl = text(message, "postback_url");
        if (redirectQueue.isEmpty() && postbackUrl.isEmpty()) {
            throw new OrderRejectedException("missing_destination", "at least one of redirect_queue, postback_url is required");
        }
        if (postbackUrl.isPresent()) {
            checkHttpUrl("postback_url", postbackUrl.get());
        }
        String bucketName = text(message, "bucket_name").orElse(defaultBucketName);
        checkBucketName(bucketName);
        return new ImageOrder(message, images, bucketName, redirectQueue, postbackUrl, orderId(message.get("_id")));
    }

    /** A present, non-blank string field; a present field of another type is an error. */
    private static Optional<String> text(ObjectNode message, String field) throws OrderRejectedException {
        JsonNode node = message.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new OrderRejectedException("bad_field", field + " must be a string");
        }
        String value = node.asText().trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static void checkSourceUrl(String field, String url) throws OrderRejectedException {
        if (url.toLowerCase(Locale.ROOT).startsWith("s3://")) {
            URI uri = uri(field, url);
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
                throw new OrderRejectedException("bad_url", field + " must be s3://bucket/key: " + url);
            }
            return;
        }
        checkHttpUrl(field, url);
    }

    private static void checkHttpUrl(String field, String url) throws OrderRejectedException {
        URI uri = uri(field, url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new OrderRejectedException("bad_url", field + " must be an absolute http(s) URL: " + url);
        }
    }

    private static URI uri(String field, String url) throws OrderRejectedException {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new OrderRejectedException("bad_url", field + " is not a valid URL: " + e.getMessage());
        }
    }

    /** bucket_name becomes a path segment of S3 keys and public URLs: keep it to one safe segment. */
    private static void checkBucketName(String name) throws OrderRejectedException {
        boolean control = name.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        if (name.length() > MAX_BUCKET_NAME || control || name.contains("/") || name.contains("\\")
                || name.equals(".") || name.equals("..")) {
            throw new OrderRejectedException("bad_bucket_name",
                    "bucket_name must be one path segment of at most " + MAX_BUCKET_NAME + " characters, without / \\ or control characters");
        }
    }

    /** "_id" may be a string, a number or Extended JSON ({"$oid": "..."}): keep a readable form for logs. */
    static Optional<String> orderId(JsonNode id) {
        if (id == null || id.isNull()) {
            return Optional.empty();
        }
        if (id.isValueNode()) {
            return Optional.of(id.asText());
        }
        if (id.isObject() && id.size() == 1 && id.fields().next().getValue().isValueNode()) {
            return Optional.of(id.fields().next().getValue().asText());
        }
        return Optional.of(id.toString());
    }
}
