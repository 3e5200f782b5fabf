package io.mediasync.resizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.common.contracts.ResizeResult;
import io.mediasync.common.failure.FailureException;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.hash.Sha256;
import io.mediasync.common.images.ResizedImageKeys;
import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.SqsHandler;
import io.mediasync.common.lambda.SqsMessage;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.common.postback.LegacySecretKey;
import io.mediasync.common.postback.PostbackFailure;
import io.mediasync.common.postback.PostbackSender;
import io.mediasync.common.postback.PostbackStatus;
import io.mediasync.resizer.config.ResizerConfig;
import io.mediasync.resizer.delivery.RedirectSender;
import io.mediasync.resizer.fetch.SourceFetchException;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.order.ImageOrder;
import io.mediasync.resizer.order.OrderOrigin;
import io.mediasync.resizer.order.OrderParser;
import io.mediasync.resizer.order.OrderRejectedException;
import io.mediasync.resizer.store.ImageRecord;
import io.mediasync.resizer.store.OrderRecord;
import io.mediasync.resizer.store.OrderRecord.Postback;
import io.mediasync.resizer.store.OrderRecords;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One resize order, start to end. Each step's outcome is written to the order's record before the
 * next begins, so a redelivery resumes where the last attempt stopped: images already stored are
 * not made again, a result already forwarded or posted back is not sent again. What cannot be
 * finished now is thrown, and recorded by {@link OrderRecords} (its FailureRecorder) under the common failure policy.
 */
@ApplicationScoped
public class OrderPipeline implements SqsHandler<ImageOrder> {

    private static final Logger LOG = Logger.getLogger(OrderPipeline.class);

    private final OrderParser parser;
    private final OrderOrigin.Decider origins;
    private final OrderRecords records;
    private final ImageMaker images;
    private final RedirectSender redirect;
    private final PostbackSender postback;
    private final LegacySecretKey legacySecretKey;
    private final ResizerConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public OrderPipeline(OrderParser parser, OrderOrigin.Decider origins, OrderRecords records, ImageMaker images,
            RedirectSender redirect, PostbackSender postback, LegacySecretKey legacySecretKey, ResizerConfig config,
            ObjectMapper json, Clock clock) {
        this.parser = parser;
        this.origins = origins;
        this.records = records;
        this.images = images;
        this.redirect = redirect;
        this.postback = postback;
        this.legacySecretKey = legacySecretKey;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public ImageOrder parse(SqsMessage message) throws OrderRejectedException {
        return parser.parse(message.body(), origins.of(message));
    }

    /** A message that is not an order: recorded rejected, once (a redelivery finds its record finished). */
    @Override
    public void refused(Exception refusal, Delivery delivery) throws Exception {
        if (!(refusal instanceof OrderRejectedException rejected)) {
            throw refusal;
        }
        SqsMessage message = delivery.message();
        if (begin(message, origins.of(message), rejected.orderId()).isPresent()) {
            LOG.warnf("order rejected (%s): %s", rejected.code(), rejected.reason());
            records.finishWithError(message.messageId(), RecordStatus.REJECTED, RecordedError.of(rejected.code(), rejected.reason()));
            delivery.rejected(rejected.code());
        }
    }

    /**
     * The record's writes are the round trips an order pays besides its images (bench order): each step's outcomes
     * go in one write, and the record is begun, with the order's id, in one.
     */
    @Override
    public void handle(ImageOrder order, Delivery delivery) throws SourceFetchException, PostbackFailure, FailureException {
        Optional<OrderRecord> record = begin(delivery.message(), order.origin(), order.orderId());
        if (record.isPresent()) {
            process(delivery, record.get(), order);
        }
    }

    /** The message's record, begun; empty when an earlier delivery finished it (this one is then ignored). */
    private Optional<OrderRecord> begin(SqsMessage message, OrderOrigin origin, Optional<String> orderId) {
        // the origin is part of the key: a public order never counts as a duplicate of an internal one, nor the reverse
        Optional<OrderRecord> record = records.begin(message, Sha256.hex(origin.label() + ":" + message.body()), origin, orderId);
        if (record.isEmpty()) {
            LOG.infof("already %s: redelivery ignored",
                    records.find(message.messageId()).map(r -> r.status().value()).orElse("finished"));
            return record;
        }
        orderId.ifPresent(id -> MDC.put("orderId", id));
        return record;
    }

    private void process(Delivery delivery, OrderRecord record, ImageOrder order)
            throws SourceFetchException, PostbackFailure, FailureException {
        String recordId = delivery.message().messageId();
        long started = System.nanoTime();
        Optional<OrderRecord> duplicate = records.recentDone(record.orderKey(), clock.instant().minus(config.dedupWindow()),
                recordId);
        if (duplicate.isPresent()) {
            LOG.infof("same order done %s ago as %s: not resized or delivered again", config.dedupWindow(), duplicate.get().id());
            records.finish(recordId, RecordStatus.DONE, new Document(OrderRecord.DUPLICATE_OF, duplicate.get().id())
                    .append(OrderRecord.RESULT, duplicate.get().result()));
            return;
        }

        Map<String, ResizeResult.Field> outcomes = new LinkedHashMap<>();
        RecordedError firstError = null;
        int resized = 0;
        for (Map.Entry<String, String> field : order.images().entrySet()) {
            ImageRecord image = record.image(field.getKey());
            if (image == null || !image.succeeded()) {
                image = makeImage(field.getValue(), order, delivery);
                records.set(recordId, OrderRecord.imagePath(field.getKey()), image.toDocument());
            }
            if (image.succeeded()) {
                resized++;
                outcomes.put(field.getKey(), image.info(ResizedImageKeys.bucketPath(order.bucketName())));
            } else {
                firstError = firstError == null ? image.error() : firstError;
                if (order.reportFailures()) { // the order asked to hear about failures: <field>_error {code, reason}
                    outcomes.put(field.getKey(), ResizeResult.Field.failed(image.failure()));
                }
            }
        }
        ObjectNode result = new ResizeResult(outcomes).addTo(order.message());
        Document delivered = resized > 0 || order.reportFailures() ? deliver(delivery, record, order, result) : new Document();
        if (resized == 0) {
            LOG.warnf("order failed (%s): %s%s", firstError.code(), firstError.reason(),
                    order.reportFailures() ? " (reported to its destinations, as the order asked)" : "");
            records.finishWithError(recordId, RecordStatus.FAILED, firstError, delivered);
            delivery.rejected(firstError.code());
            return;
        }
        records.finish(recordId, RecordStatus.DONE, delivered.append(OrderRecord.TOTAL_MS, (System.nanoTime() - started) / 1_000_000));
        LOG.infof("order done: %d of %d image field(s) resized", resized, order.images().size());
    }

    /**
     * The result to the redirect queue (once: not again on a redelivery) and to the postback URL. The forward is
     * recorded, with the result, as soon as it is sent, so a failed postback never sends it twice.
     * @return what is left to record, written with the order's end
     */
    private Document deliver(Delivery delivery, OrderRecord record, ImageOrder order, ObjectNode result) throws PostbackFailure {
        String recordId = delivery.message().messageId();
        String resultJson = write(result);
        Document unrecorded = new Document(OrderRecord.RESULT, Document.parse(resultJson));
        if (order.redirectQueue().isPresent() && record.redirect() == null) { // not sent by an earlier attempt
            String group = delivery.message().messageGroupId() != null ? delivery.message().messageGroupId()
                    : order.orderId().orElse(null);
            unrecorded.append(OrderRecord.REDIRECT,
                    redirect.send(order.origin(), order.redirectQueue().get(), resultJson, group, recordId).toDocument());
            records.set(recordId, unrecorded);
            unrecorded = new Document();
        }
        if (order.postbackUrl().isPresent()) {
            postBack(delivery, record, order.postbackUrl().get(), result, unrecorded);
        }
        return unrecorded;
    }

    private ImageRecord makeImage(String url, ImageOrder order, Delivery delivery) throws SourceFetchException, FailureException {
        try {
            return images.make(url, order.bucketName(), order.formats(), delivery.deadline());
        } catch (ImageRejectedException e) {
            LOG.warnf("image %s rejected (%s): %s", url, e.code(), e.reason());
            return ImageRecord.failed(url, e.code(), e.reason());
        } catch (SourceFetchException e) {
            if (e.retryable()) {
                throw e;
            }
            LOG.warnf("image %s not downloadable (%s): %s", url, e.code(), e.getMessage());
            return ImageRecord.failed(url, e.code(), e.getMessage());
        }
    }

    /** Adds the postback's outcome to {@code unrecorded}; a failure is written at once (with it), then thrown. */
    private void postBack(Delivery delivery, OrderRecord record, String url, ObjectNode result, Document unrecorded)
            throws PostbackFailure {
        if (record.postback() != null && record.postback().status() == PostbackStatus.DELIVERED) {
            return;
        }
        String recordId = record.id();
        ObjectNode body = result;
        Optional<String> legacy = legacySecretKey.forReceiver(url);
        if (legacy.isPresent()) {
            body = result.deepCopy().put("postback_secret_key", legacy.get());
        }
        try {
            int status = postback.send(url, recordId, write(body), delivery.deadline());
            unrecorded.append(OrderRecord.POSTBACK, Postback.delivered(url, status, Date.from(clock.instant())).toDocument());
        } catch (PostbackFailure e) {
            records.set(recordId, unrecorded.append(OrderRecord.POSTBACK, Postback.failed(url, e.httpStatus() == 0 ? null : e.httpStatus(),
                    RecordedError.of(e.code(), e.getMessage()), Date.from(clock.instant())).toDocument()));
            throw e;
        }
    }

    private String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("result not serialisable", e);
        }
    }
}
