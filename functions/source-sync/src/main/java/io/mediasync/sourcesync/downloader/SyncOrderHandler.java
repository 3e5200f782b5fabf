package io.mediasync.sourcesync.downloader;

import io.mediasync.common.contracts.SyncOrder;
import io.mediasync.common.contracts.SyncOrderParser;
import io.mediasync.common.contracts.SyncOrderRejectedException;
import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.SqsHandler;
import io.mediasync.common.lambda.SqsMessage;
import io.mediasync.sourcesync.config.SyncConfig;
import io.mediasync.sourcesync.fetch.SecretResolver;
import io.mediasync.sourcesync.store.RunStatus;
import io.mediasync.sourcesync.store.SourceRecord;
import io.mediasync.sourcesync.store.SourceStore;
import io.mediasync.sourcesync.store.SyncRuns;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One sync order, start to end. An order only says which source to sync: the URL, content path, adapter,
 * headers, cookies and secrets all come from the source's record, so a forged order can at most ask for a
 * sync of a source that exists. Bad orders are recorded (sync_runs) and dropped; a failure is thrown and
 * recorded by {@link DownloaderFailureRecorder}: permanent (404, refused address, malformed listing…) ends the
 * run as failed, transient (5xx after retries, timeout, S3/MongoDB/SQS down) is retried by SQS and resumes
 * from the run's last checkpoint. Registered files are never touched by a failure.
 */
@ApplicationScoped
public class SyncOrderHandler {

    private static final Logger LOG = Logger.getLogger(SyncOrderHandler.class);

    private final SourceStore sources;
    private final SyncRuns runs;
    private final RunPlanner planner;
    private final SyncRunner runner;
    private final SecretResolver secrets;
    private final SyncConfig config;

    public SyncOrderHandler(SourceStore sources, SyncRuns runs, RunPlanner planner, SyncRunner runner,
            SecretResolver secrets, SyncConfig config) {
        this.sources = sources;
        this.runs = runs;
        this.planner = planner;
        this.runner = runner;
        this.secrets = secrets;
        this.config = config;
    }

    /** This handler for the messages of one invocation: they share its budget. */
    public SqsHandler<SyncOrder> within(InvocationBudget budget) {
        return new SqsHandler<>() {
            @Override
            public SyncOrder parse(SqsMessage message) throws SyncOrderRejectedException {
                return SyncOrderParser.parse(message.body());
            }

            @Override
            public void refused(Exception refusal, Delivery delivery) throws Exception {
                if (!(refusal instanceof SyncOrderRejectedException e)) {
                    throw refusal;
                }
                reject(delivery, e.sourceId(), e.code(), e.getMessage());
            }

            @Override
            public void handle(SyncOrder order, Delivery delivery) throws SyncFailure {
                SyncOrderHandler.this.handle(order, delivery, budget);
            }
        };
    }

    private void handle(SyncOrder received, Delivery delivery, InvocationBudget budget) throws SyncFailure {
        SqsMessage message = delivery.message();
        long sourceId = received.sourceId();
        MDC.put("sourceId", sourceId);
        delivery.note(DownloaderFailureRecorder.SOURCE_ID, sourceId);
        Optional<SourceRecord> source = sources.find(sourceId);
        if (source.isEmpty()) {
            reject(delivery, sourceId, "unknown_source", "no source " + sourceId + " in the sources collection");
            return;
        }
        if (source.get().disabled()) {
            reject(delivery, sourceId, "source_disabled", "source " + sourceId + " is disabled");
            return;
        }
        SyncOrder order = fromRecord(received, source.get());
        RunPlanner.Plan plan = planner.plan(order, source.get(), message.messageId());
        if (plan.ignored()) {
            LOG.infof("order not run (%s): %s", plan.ignoreCode(), plan.ignoreReason());
            runs.recordNotRun(message.messageId(), RunStatus.IGNORED, sourceId, message.body(), plan.ignoreCode(),
                    plan.ignoreReason());
            return;
        }
        MDC.put("runId", plan.runId());
        delivery.note(DownloaderFailureRecorder.RUN_ID, plan.runId());
        runs.countInvocation(plan.runId(), message.messageId());
        LOG.infof("%s run %s of source %d: %s", plan.start() ? "starting" : "resuming", plan.runId(), sourceId, order.url());
        SourceHeaders headers = SourceHeaders.of(source.get(), sourceUri(order), secrets, config.secretPrefix());
        if (!headers.names().isEmpty()) {
            LOG.debugf("the source's own headers (values not logged): %s", headers.names());
        }
        runner.run(new RunContext(order, plan.runId(), source.get(), headers, budget));
    }

    /**
     * The order the record makes: its url and content_path, with the message's run and cursor (a follow-up's
     * place in a run). A message that disagrees is logged; the record wins.
     */
    private static SyncOrder fromRecord(SyncOrder received, SourceRecord source) throws SyncFailure {
        String url = source.url();
        String path = source.contentPath();
        if (url == null || url.isBlank() || path == null) {
            throw SyncFailure.permanent("invalid_source", "source " + received.sourceId() + " has no url or content_path");
        }
        if (!url.trim().equals(received.url()) || !Objects.equals(path, received.contentPath())) {
            LOG.warnf("the order's url/content_path differ from source %d's record: the record's are used",
                    received.sourceId());
        }
        return new SyncOrder(received.sourceId(), url.trim(), path, received.runId(), received.cursor());
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

    private void reject(Delivery delivery, Long sourceId, String code, String reason) {
        LOG.warnf("order rejected (%s): %s", code, reason);
        SqsMessage message = delivery.message();
        runs.recordNotRun(message.messageId(), RunStatus.REJECTED, sourceId, message.body(), code, reason);
        delivery.rejected(code);
    }
}
