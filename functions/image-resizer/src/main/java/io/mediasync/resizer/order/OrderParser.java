package io.mediasync.resizer.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.common.contracts.ImageUrl;
import io.mediasync.common.contracts.ResizeOrder;
import io.mediasync.resizer.imaging.OutputFormat;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.bson.Document;

/** Turns an SQS body into an {@link ImageOrder}, or says precisely why it is not one. */
public final class OrderParser {

    private static final int MAX_BUCKET_NAME = 128;
    /** MongoDB refuses documents nested deeper than 100 levels; the order is stored in its record. */
    static final int MAX_DEPTH = 100;

    private final ObjectMapper json;
    private final String defaultBucketName;
    private final BiPredicate<OrderOrigin, String> redirectAllowed;
    private final OrderOrigin.ReservedBucketNames reservedBucketNames;
    private final OutputFormats formats;

    /** @param redirectAllowed whether a redirect_queue is on the allow-list for orders of that origin (no AWS call) */
    public OrderParser(ObjectMapper json, String defaultBucketName, BiPredicate<OrderOrigin, String> redirectAllowed,
            OrderOrigin.ReservedBucketNames reservedBucketNames, OutputFormats formats) {
        this.json = json;
        this.formats = formats;
        this.defaultBucketName = defaultBucketName;
        this.redirectAllowed = redirectAllowed;
        this.reservedBucketNames = reservedBucketNames;
    }

    /** @param origin the queue the order came from: what it may cause is decided by that, never by a field */
    public ImageOrder parse(String body, OrderOrigin origin) throws OrderRejectedException {
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
        Optional<String> orderId = orderId(message.get(ResizeOrder.ID));
        try {
            return parse(message, body, orderId, origin);
        } catch (OrderRejectedException e) {
            throw e.withOrderId(orderId);
        }
    }

    private ImageOrder parse(ObjectNode message, String body, Optional<String> orderId, OrderOrigin origin)
            throws OrderRejectedException {
        checkStorable(message, body);
        // before anything is fetched: a bad list costs nothing but its rejection
        Set<OutputFormat> outputs = formats.of(message.get(OutputFormats.FIELD));
        Map<String, String> images = new LinkedHashMap<>();
        for (String field : new String[] {ImageOrder.IMAGE_URL, ImageOrder.ITUNES_IMAGE}) {
            text(message, field).ifPresent(url -> images.put(field, url));
        }
        if (images.isEmpty()) {
            throw new OrderRejectedException("missing_image", "at least one of image_url, itunes_image is required");
        }
        for (Map.Entry<String, String> image : images.entrySet()) {
            checkSourceUrl(image.getKey(), image.getValue(), origin);
        }
        Optional<String> redirectQueue = text(message, ResizeOrder.REDIRECT_QUEUE);
        Optional<String> postbackUrl = text(message, ResizeOrder.POSTBACK_URL);
        if (redirectQueue.isEmpty() && postbackUrl.isEmpty()) {
            throw new OrderRejectedException("missing_destination", "at least one of redirect_queue, postback_url is required");
        }
        if (postbackUrl.isEmpty() && !redirectAllowed.test(origin, redirectQueue.get())) {
            // nothing could ever receive the result: refuse before any work
            throw new OrderRejectedException("redirect_not_allowed", "redirect_queue " + redirectQueue.get()
                    + " is not one of the queues a " + origin.label() + " order's result may be sent to ("
                    + (origin == OrderOrigin.PUBLIC ? "REDIRECT_QUEUES" : "REDIRECT_QUEUES, INTERNAL_REDIRECT_QUEUES")
                    + "), and there is no postback_url");
        }
        if (postbackUrl.isPresent()) {
            refuseBadUrl(ResizeOrder.POSTBACK_URL, ImageUrl.httpProblem(postbackUrl.get()));
        }
        String bucketName = text(message, ResizeOrder.BUCKET_NAME).orElse(defaultBucketName);
        checkBucketName(bucketName);
        if (origin == OrderOrigin.PUBLIC && reservedBucketNames.isReserved(bucketName)) {
            throw new OrderRejectedException("reserved_bucket_name", "bucket_name " + bucketName
                    + " is reserved for mediasync's own orders (INTERNAL_BUCKET_NAMES: " + reservedBucketNames + ")");
        }
        // checked for its type on every order; it has effect only on internal ones (a public one passes it through)
        boolean reportFailures = flag(message, ImageOrder.REPORT_FAILURES) && origin == OrderOrigin.INTERNAL;
        return new ImageOrder(message, images, bucketName, redirectQueue, postbackUrl, orderId, reportFailures, origin,
                outputs);
    }

    /**
     * The order is stored in its MongoDB record and passed on as Extended JSON ({"$oid": …} stays an ObjectId):
     * a value MongoDB cannot take is refused now, before any download, not after the S3 work.
     */
    private static void checkStorable(JsonNode message, String body) throws OrderRejectedException {
        if (depth(message) > MAX_DEPTH) {
            throw new OrderRejectedException("too_deeply_nested", "the order is nested deeper than " + MAX_DEPTH
                    + " levels, which MongoDB does not store");
        }
        try {
            Document.parse(body);
        } catch (RuntimeException e) {
            throw new OrderRejectedException("bad_extended_json", "the order holds an invalid Extended JSON value: "
                    + e.getMessage());
        }
    }

    /** Iterative: a hostile order must not be able to overflow the stack. */
    private static int depth(JsonNode root) {
        int deepest = 0;
        Deque<Map.Entry<JsonNode, Integer>> pending = new ArrayDeque<>();
        pending.push(Map.entry(root, 1));
        while (!pending.isEmpty()) {
            Map.Entry<JsonNode, Integer> next = pending.pop();
            deepest = Math.max(deepest, next.getValue());
            if (deepest > MAX_DEPTH) {
                return deepest;
            }
            if (next.getKey().isContainerNode()) {
                next.getKey().forEach(child -> pending.push(Map.entry(child, next.getValue() + 1)));
            }
        }
        return deepest;
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

    /** An optional boolean field: absent or null is false; any other type is an error, not a guess. */
    private static boolean flag(ObjectNode message, String field) throws OrderRejectedException {
        JsonNode node = message.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new OrderRejectedException("bad_field", field + " must be true or false");
        }
        return node.booleanValue();
    }

    private static void checkSourceUrl(String field, String url, OrderOrigin origin) throws OrderRejectedException {
        if (ImageUrl.isS3(url) && origin == OrderOrigin.PUBLIC) {
            throw new OrderRejectedException("s3_source_not_allowed", field + ": s3:// images are read only for "
                    + "mediasync's own orders; a public order gives an http(s) URL");
        }
        refuseBadUrl(field, ImageUrl.problem(url));
    }

    private static void refuseBadUrl(String field, Optional<String> problem) throws OrderRejectedException {
        if (problem.isPresent()) {
            throw new OrderRejectedException("bad_url", field + " " + problem.get());
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
