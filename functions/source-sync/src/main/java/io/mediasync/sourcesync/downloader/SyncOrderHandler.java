package io.mediasync.sourcesync.downloader;

import com.mongodb.MongoException;
import io.mediasync.common.lambda.SqsMessage;
import io.mediasync.sourcesync.RetryLaterException;
import io.mediasync.sourcesync.config.SyncConfig;
import io.mediasync.sourcesync.fetch.SecretResolver;
import io.mediasync.sourcesync.messages.SyncOrder;
import io.mediasync.sourcesync.registry.SourceStore;
import io.mediasync.sourcesync.registry.SyncRuns;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.bson.Document;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One sync order, start to end. Bad orders are recorded (sync_runs) and dropped; a permanent failure of the
 * source (404, refused address, malformed listing, nothing listed…) ends the run as failed with the reason
 * on the source; a transient one (5xx after retries, timeout, S3/MongoDB/SQS down) is recorded and thrown,
 * so SQS delivers the order again and the run resumes from its last checkpoint. Registered files are never
 * touched by a failure.
 */
@ApplicationScoped
public class SyncOrderHandler {

    private static final Logger LOG = Logger.getLogger(SyncOrderHandler.class);

    private final SyncOrderParser parser;
    private final SourceStore sources;
    private final SyncRuns runs;
    private final RunPlanner planner;
    private final SyncRunner runner;
    private final SecretResolver secrets;
    private final SyncConfig config;

    public SyncOrderHandler(SyncOrderParser parser, SourceStore sources, SyncRuns runs, RunPlanner planner, SyncRunner runner,
            SecretResolver secrets, SyncConfig config) {
        this.parser = parser;
        this.sources = sources;
        this.runs = runs;
        this.planner = planner;
        this.runner = runner;
        this.secrets = secrets;
        this.config = config;
    }

    public void handle(SqsMessage message, InvocationBudget budget) throws RetryLaterException {
        String runId = null;
        Long sourceId = null;
        try {
            SyncOrder order;
            try {
                order = parser.parse(message.body());
            } catch (OrderRejectedException e) {
                reject(message, e.sourceId(), e.code(), e.getMessage());
                return;
            }
            sourceId = order.sourceId();
            MDC.put("sourceId", sourceId);
            Optional<Document> source = sources.find(sourceId);
            if (source.isEmpty()) {
                reject(message, sourceId, "unknown_source", "no source " + sourceId + " in the sources collection");
                return;
            }
            if (Boolean.FALSE.equals(source.get().get("enabled"))) {
                reject(message, sourceId, "source_disabled", "source " + sourceId + " is disabled");
                return;
            }
            RunPlanner.Plan plan = planner.plan(order, source.get(), message.messageId());
            if (plan.ignored()) {
                LOG.infof("order not run (%s): %s", plan.ignoreCode(), plan.ignoreReason());
                runs.recordNotRun(message.messageId(), SyncRuns.IGNORED, sourceId, message.body(), plan.ignoreCode(),
                        plan.ignoreReason());
                return;
            }
            runId = plan.runId();
            MDC.put("runId", runId);
            runs.countInvocation(runId, message.messageId());
            LOG.infof("%s run %s of source %d: %s", plan.start() ? "starting" : "resuming", runId, sourceId, order.url());
            SourceHeaders headers = SourceHeaders.of(source.get(), sourceUri(order), secrets, config.secretPrefix());
            if (!headers.names().isEmpty()) {
                LOG.debugf("the source's own headers (values not logged): %s", headers.names());
            }
            runner.run(new RunContext(order, runId, source.get(), headers, budget));
        } catch (SyncFailure f) {
            onFailure(message, sourceId, runId, f);
        } catch (RuntimeException e) {
            // S3, SQS or MongoDB unreachable, or a bug: never lose the order
            onFailure(message, sourceId, runId, new SyncFailure(code(e), e.getMessage(), true, e));
        } finally {
            MDC.remove("sourceId");
            MDC.remove("runId");
        }
    }

    private static URI sourceUri(SyncOrder order) throws SyncFailure {
        try {
            URI uri = new URI(order.url());
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw SyncFailure.permanent("bad_url", "the source URL '" + order.url() + "' is not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw SyncFailure.permanent("bad_url", "the source URL is not valid: " + e.getMessage());
        }
    }

    private void reject(SqsMessage message, Long sourceId, String code, String reason) {
        LOG.warnf("order rejected (%s): %s", code, reason);
        runs.recordNotRun(message.messageId(), SyncRuns.REJECTED, sourceId, message.body(), code, reason);
    }

    private void onFailure(SqsMessage message, Long sourceId, String runId, SyncFailure f) throws RetryLaterException {
        if (!f.retryable()) {
            LOG.warnf("sync failed (%s): %s", f.code(), f.getMessage());
            record(() -> {
                if (runId != null) {
                    runs.fail(runId, SourceStore.FAILED, f.code(), f.getMessage());
                }
                if (sourceId != null) {
                    sources.recordFailure(sourceId, SourceStore.FAILED, f.code(), f.getMessage());
                }
            });
            return;
        }
        boolean last = message.receiveCount() >= config.maxReceiveCount();
        // an unexpected exception (not a classified fetch failure) gets its stack trace in the log
        Throwable trace = f.getCause() instanceof RuntimeException ? f.getCause() : null;
        LOG.warnf(trace, "attempt %d failed (%s): %s%s", message.receiveCount(), f.code(), f.getMessage(),
                last ? " - last receive, the order goes to the DLQ" : " - will be retried");
        record(() -> {
            if (runId != null) {
                if (last) {
                    runs.fail(runId, SourceStore.DEAD_LETTERED, f.code(), f.getMessage());
                } else {
                    runs.recordRetry(runId, f.code(), f.getMessage());
                }
            }
            if (sourceId != null) {
                sources.recordFailure(sourceId, last ? SourceStore.DEAD_LETTERED : SourceStore.RETRYING, f.code(), f.getMessage());
            }
        });
        throw new RetryLaterException(f.getMessage(), f);
    }

    /** Recording may fail too (MongoDB down): the log line above still says what happened. */
    private static void record(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.warnf("could not record the failure either: %s", e.toString());
        }
    }

    private static String code(Exception e) {
        if (e instanceof MongoException) {
            return "mongo_unavailable";
        }
        if (e instanceof SdkException) {
            return "aws_unavailable";
        }
        return "internal_error";
    }
}
