package io.mediasync.common.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.mediasync.common.failure.Failure;
import io.mediasync.common.failure.FailurePolicy;
import io.mediasync.common.failure.FailurePolicy.Outcome;
import io.mediasync.common.metrics.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The skeleton of every mediasync SQS function and its one failure policy: the invocation's deadline from its
 * settings, then each message of the batch parsed to its contract and handled by an {@link SqsHandler}, and the
 * partial batch response Lambda reads. A handler returns when the message is finished (done, or recorded as
 * rejected) and throws otherwise; the throwable is classified by the {@link FailurePolicy}, recorded by the
 * function's {@link FailureRecorder}, and the message is given back unless retrying cannot help. Each function
 * builds one, with its failure recorder; it holds no state of its own between invocations.
 *
 * <ul>
 *   <li>Every message after the one being handled keeps {@code messageReserve} of the invocation (or an equal share
 *       of what is left, when less): a message's {@link Delivery#deadline()} stops there, so a slow message cannot
 *       leave the ones after it unstarted (given back unstarted, a message would burn a receive without an
 *       attempt). A message that runs into its deadline is cut short on its own attempt. The template keeps
 *       {@code messageReserve} x batch size within every function's timeout (and reads FIFO queues one message at a
 *       time), so no message of a batch is ever given back unstarted for want of time.</li>
 *   <li>Should less than {@code messageReserve} be left when a message's turn comes (a start that ate the time),
 *       it and the rest of the batch are given back unstarted (recorded only on their last receive, as they then
 *       go to the DLQ).</li>
 *   <li>FIFO: a failure holds back only its own message group (Powertools' skip_group_on_error): later messages
 *       of that group are given back, other groups go on, so the order within each group holds.</li>
 *   <li>An {@link Error} (out of memory, stack overflow) fails its message only.</li>
 * </ul>
 */
public final class SqsBatches {

    @FunctionalInterface
    public interface MessageHandler {
        void handle(Delivery delivery) throws Exception;
    }

    /** The codes of a message given back unstarted: no time left for it, or an earlier one of its group failed. */
    static final String TIMED_OUT = "timed_out";
    static final String HELD_BACK = "held_back";

    private static final Logger LOG = Logger.getLogger(SqsBatches.class);

    private final FailurePolicy policy;
    private final FailureRecorder recorder;
    private final int maxReceiveCount;
    private final Duration messageReserve;
    private final Duration timeMargin;
    private final Duration budget;

    public SqsBatches(FailurePolicy policy, FailureRecorder recorder, InvocationSettings invocation) {
        this(policy, recorder, invocation.maxReceiveCount(), invocation.messageReserve(), invocation.timeMargin(),
                invocation.budget());
    }

    /**
     * For a caller that makes each deadline itself ({@link #processEach}).
     *
     * @param maxReceiveCount the queue's maxReceiveCount: the receive with this count is the last before the DLQ
     * @param messageReserve  the least time a message needs to be finished (or cut short and recorded)
     */
    public SqsBatches(FailurePolicy policy, FailureRecorder recorder, int maxReceiveCount, Duration messageReserve) {
        this(policy, recorder, maxReceiveCount, messageReserve, Duration.ZERO, Duration.ZERO);
    }

    private SqsBatches(FailurePolicy policy, FailureRecorder recorder, int maxReceiveCount, Duration messageReserve,
            Duration timeMargin, Duration budget) {
        this.policy = policy;
        this.recorder = recorder;
        this.maxReceiveCount = maxReceiveCount;
        this.messageReserve = messageReserve;
        this.timeMargin = timeMargin;
        this.budget = budget;
    }

    /** The deadline of an invocation with this context: Lambda's own, less the margin, within the budget. */
    public Deadline deadline(Context context) {
        return Deadline.forInvocation(context, timeMargin, budget);
    }

    public <M> SqsBatchResponse process(SqsEvent event, Context context, SqsHandler<M> handler) {
        return process(event, deadline(context), handler);
    }

    /** For a function that made the invocation's deadline itself (it spends part of it before the batch). */
    public <M> SqsBatchResponse process(SqsEvent event, Deadline deadline, SqsHandler<M> handler) {
        return processEach(event, deadline, delivery -> handleOne(handler, delivery));
    }

    private static <M> void handleOne(SqsHandler<M> handler, Delivery delivery) throws Exception {
        M message;
        try {
            message = handler.parse(delivery.message());
        } catch (Exception refusal) {
            handler.refused(refusal, delivery);
            return;
        }
        handler.handle(message, delivery);
    }

    /** Handles the batch; its metrics (see {@link OutcomeMetrics}) are written as it ends, whatever happens. */
    public SqsBatchResponse processEach(SqsEvent event, Deadline deadline, MessageHandler handler) {
        try {
            return handle(event, deadline, handler);
        } finally {
            Metrics.flush();
        }
    }

    private SqsBatchResponse handle(SqsEvent event, Deadline deadline, MessageHandler handler) {
        List<SqsBatchResponse.ItemFailure> givenBack = new ArrayList<>();
        Set<String> failedGroups = new HashSet<>();
        List<SqsMessage> records = event.records();
        for (int i = 0; i < records.size(); i++) {
            SqsMessage message = records.get(i);
            MDC.put("messageId", message.messageId());
            try {
                int left = records.size() - i; // this message and the ones after it
                Duration remaining = deadline.remaining();
                Duration keptForEachLater = min(messageReserve, remaining.dividedBy(left));
                Deadline own = deadline.earlier(keptForEachLater.multipliedBy(left - 1L));
                Delivery delivery = new Delivery(message, own, message.receiveCount() >= maxReceiveCount);
                String group = message.fromFifoQueue() ? message.messageGroupId() : null;
                Failure notStarted = null;
                if (group != null && failedGroups.contains(group)) {
                    notStarted = Failure.retryable(HELD_BACK, "not started: an earlier message of its group " + group
                            + " failed in the same batch");
                } else if (remaining.compareTo(messageReserve) < 0) {
                    notStarted = Failure.retryable(TIMED_OUT, "not started: " + remaining.toMillis()
                            + " ms of the invocation were left, a message needs " + messageReserve.toMillis() + " ms");
                }
                boolean finished = notStarted == null ? run(delivery, handler) : giveBackUnstarted(delivery, notStarted);
                if (!finished) {
                    givenBack.add(new SqsBatchResponse.ItemFailure(message.messageId()));
                    if (group != null) {
                        failedGroups.add(group);
                    }
                }
            } finally {
                MDC.clear();
            }
        }
        return new SqsBatchResponse(givenBack);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** @return true when the message is finished (done, or failed for good and recorded) */
    private boolean run(Delivery delivery, MessageHandler handler) {
        try {
            handler.handle(delivery);
            OutcomeMetrics.finished(delivery);
            return true;
        } catch (Throwable t) {
            Failure failure = policy.classify(t);
            Outcome outcome = !failure.retryable() ? Outcome.FAILED
                    : delivery.lastReceive() ? Outcome.DEAD_LETTERED : Outcome.RETRYING;
            String next = switch (outcome) {
                case FAILED -> "not retried";
                case DEAD_LETTERED -> "last receive, the message goes to the DLQ";
                case RETRYING -> "will be retried";
            };
            boolean expected = !failure.code().equals("internal_error") && !(t instanceof Error);
            LOG.warnf(expected ? null : t, "attempt %d failed (%s): %s - %s", delivery.message().receiveCount(), failure.code(),
                    failure.reason(), next);
            boolean finished = record(delivery, failure, outcome) && outcome == Outcome.FAILED;
            OutcomeMetrics.failed(delivery, failure, finished);
            return finished;
        }
    }

    private boolean giveBackUnstarted(Delivery delivery, Failure why) {
        OutcomeMetrics.failed(delivery, why, false);
        if (delivery.lastReceive()) {
            LOG.warnf("%s; last receive, the message goes to the DLQ", why.reason());
            record(delivery, why, Outcome.DEAD_LETTERED);
        } else {
            LOG.infof("given back: %s", why.reason());
        }
        return false;
    }

    /** @return false when the failure could not be recorded (the message is then given back, never dropped) */
    private boolean record(Delivery delivery, Failure failure, Outcome outcome) {
        try {
            recorder.record(delivery, failure, outcome);
            return true;
        } catch (Throwable e) {
            LOG.warnf("could not record the failure either (%s): the message is given back", policy.classify(e).reason());
            return false;
        }
    }
}
