package io.mediasync.resizer;

import io.mediasync.common.hash.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.MongoException;
import io.mediasync.common.lambda.SqsMessage;
import io.mediasync.resizer.config.PostbackConfig;
import io.mediasync.resizer.config.ResizerConfig;
import io.mediasync.resizer.delivery.PostbackException;
import io.mediasync.resizer.delivery.PostbackSender;
import io.mediasync.resizer.delivery.RedirectSender;
import io.mediasync.resizer.fetch.SourceFetchException;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.order.ImageOrder;
import io.mediasync.resizer.order.OrderParser;
import io.mediasync.resizer.order.OrderRejectedException;
import io.mediasync.resizer.store.ImageStore;
import io.mediasync.resizer.store.OrderRecords;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One resize order, start to end. Each step's outcome is written to the order's record before the
 * next begins, so a redelivery resumes where the last attempt stopped: images already stored are
 * not made again, a result already forwarded or posted back is not sent again.
 */
@ApplicationScoped
public class OrderPipeline {

    private static final Logger LOG = Logger.getLogger(OrderPipeline.class);
    private static final List<String> FINISHED = List.of(OrderRecords.DONE, OrderRecords.REJECTED, OrderRecords.FAILED);

    private final OrderParser parser;
    private final OrderRecords records;
    private final ImageMaker images;
    private final RedirectSender redirect;
    private final PostbackSender postback;
    private final ResizerConfig config;
    private final PostbackConfig postbackConfig;
    private final ObjectMapper json;

    public OrderPipeline(OrderParser parser, OrderRecords records, ImageMaker images, RedirectSender redirect,
            PostbackSender postback, ResizerConfig config, PostbackConfig postbackConfig, ObjectMapper json) {
        this.parser = parser;
        this.records = records;
        this.images = images;
        this.redirect = redirect;
        this.postback = postback;
        this.config = config;
        this.postbackConfig = postbackConfig;
        this.json = json;
    }

    public void handle(SqsMessage message) throws RetryLaterException {
        String recordId = message.messageId();
        try {
            Optional<Document> earlier = records.find(recordId);
            if (earlier.isPresent() && FINISHED.contains(earlier.get().getString("status"))) {
                LOG.infof("already %s: redelivery ignored", earlier.get().getString("status"));
                return;
            }
            Document record = records.begin(message, Sha256.hex(String.valueOf(message.body())));
            process(message, record);
        } catch (SourceFetchException | PostbackException | RuntimeException e) {
            // transient trouble (network, S3, Mongo, a receiver down) or a bug: never lose the message
            retryLater(message, code(e), e.getMessage(), e);
        }
    }

    private void process(SqsMessage message, Document record) throws SourceFetchException, PostbackException {
        String recordId = message.messageId();
        long started = System.nanoTime();
        ImageOrder order;
        try {
            order = parser.parse(message.body());
        } catch (OrderRejectedException e) {
            LOG.warnf("order rejected (%s): %s", e.code(), e.reason());
            records.finishWithError(recordId, OrderRecords.REJECTED, e.code(), e.reason());
            return;
        }
        order.orderId().ifPresent(id -> {
            MDC.put("orderId", id);
            records.set(recordId, "orderId", id);
        });

        Optional<Document> duplicate = records.recentDone(record.getString("orderKey"),
                Instant.now().minus(config.dedupWindow()), recordId);
        if (duplicate.isPresent()) {
            LOG.infof("same order done %s ago as %s: not resized or delivered again",
                    config.dedupWindow(), duplicate.get().getString("_id"));
            records.finish(recordId, OrderRecords.DONE, new Document("duplicateOf", duplicate.get().getString("_id"))
                    .append("result", duplicate.get().get("result")));
            return;
        }

        ObjectNode result = order.message().deepCopy();
        Document done = record.get("images", new Document());
        Document firstError = null;
        int resized = 0;
        for (Map.Entry<String, String> field : order.images().entrySet()) {
            Document image = done.get(field.getKey(), Document.class);
            if (!ImageResult.succeeded(image)) {
                image = makeImage(field.getValue(), order.bucketName());
                records.set(recordId, "images." + field.getKey(), image);
            }
            if (ImageResult.succeeded(image)) {
                resized++;
                result.set(ImageOrder.infoField(field.getKey()),
                        json.valueToTree(ImageResult.info(image, ImageStore.bucketPath(order.bucketName()))));
            } else if (firstError == null) {
                firstError = image.get("error", Document.class);
            }
        }
        if (resized == 0) {
            LOG.warnf("order failed (%s): %s", firstError.getString("code"), firstError.getString("reason"));
            records.finishWithError(recordId, OrderRecords.FAILED, firstError.getString("code"), firstError.getString("reason"));
            return;
        }
        String resultJson = write(result);
        records.set(recordId, "result", Document.parse(resultJson));

        order.redirectQueue().ifPresent(queue -> forward(record, order, queue, resultJson, message));
        if (order.postbackUrl().isPresent()) {
            postBack(record, order.postbackUrl().get(), result);
        }
        records.finish(recordId, OrderRecords.DONE, new Document("totalMs", (System.nanoTime() - started) / 1_000_000));
        LOG.infof("order done: %d of %d image field(s) resized", resized, order.images().size());
    }

    private Document makeImage(String url, String bucketName) throws SourceFetchException {
        try {
            return images.make(url, bucketName);
        } catch (ImageRejectedException e) {
            LOG.warnf("image %s rejected (%s): %s", url, e.code(), e.reason());
            return ImageResult.error(url, e.code(), e.reason());
        } catch (SourceFetchException e) {
            if (e.retryable()) {
                throw e;
            }
            LOG.warnf("image %s not downloadable (%s): %s", url, e.code(), e.getMessage());
            return ImageResult.error(url, e.code(), e.getMessage());
        }
    }

    private void forward(Document record, ImageOrder order, String queue, String resultJson, SqsMessage message) {
        if (record.get("redirect") != null) {
            return; // sent (or found missing) by an earlier attempt
        }
        String group = message.messageGroupId() != null ? message.messageGroupId() : order.orderId().orElse("mediasync");
        Optional<String> sent = redirect.send(queue, resultJson, group, message.messageId());
        Document outcome = new Document("queue", queue).append("at", new Date());
        if (sent.isPresent()) {
            outcome.append("status", "sent").append("messageId", sent.get());
        } else {
            LOG.warnf("redirect_queue %s does not exist: result not forwarded", queue);
            outcome.append("status", "queue_not_found");
        }
        records.set(message.messageId(), "redirect", outcome);
    }

    private void postBack(Document record, String url, ObjectNode result) throws PostbackException {
        Document previous = record.get("postback", Document.class);
        if (previous != null && "delivered".equals(previous.getString("status"))) {
            return;
        }
        String recordId = record.getString("_id");
        ObjectNode body = result;
        if (postbackConfig.legacySecretKey().filter(s -> !s.isBlank()).isPresent()) {
            body = result.deepCopy().put("postback_secret_key", postbackConfig.legacySecretKey().get());
        }
        try {
            int status = postback.send(url, recordId, write(body));
            records.set(recordId, "postback", new Document("url", url).append("status", "delivered").append("httpStatus", status)
                    .append("at", new Date()));
        } catch (PostbackException e) {
            records.set(recordId, "postback", new Document("url", url).append("status", "failed").append("error",
                    new Document("code", e.code()).append("reason", e.getMessage())).append("at", new Date()));
            throw e;
        }
    }

    private void retryLater(SqsMessage message, String code, String reason, Exception cause) throws RetryLaterException {
        boolean last = message.receiveCount() >= config.maxReceiveCount();
        String outcome = last ? " - last receive, the message goes to the DLQ" : " - will be retried";
        if ("internal_error".equals(code)) {
            // not a known transient condition: keep the stack trace
            LOG.warnf(cause, "attempt %d failed (%s): %s%s", message.receiveCount(), code, reason, outcome);
        } else {
            LOG.warnf("attempt %d failed (%s): %s%s", message.receiveCount(), code, reason, outcome);
        }
        try {
            records.retrying(message.messageId(), last, code, reason);
        } catch (RuntimeException e) {
            LOG.warnf("could not record the failure either: %s", e.toString());
        }
        throw new RetryLaterException(reason, cause);
    }

    private String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("result not serialisable", e);
        }
    }

    private static String code(Exception e) {
        if (e instanceof SourceFetchException f) {
            return f.code();
        }
        if (e instanceof PostbackException p) {
            return p.code();
        }
        if (e instanceof MongoException) {
            return "mongo_unavailable";
        }
        if (e instanceof SdkException) {
            return "aws_unavailable";
        }
        if (e instanceof java.io.UncheckedIOException) {
            return "io_error";
        }
        return "internal_error";
    }
}
