package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.local.template.CfnYaml;
import io.mediasync.local.template.StackModel;
import io.mediasync.local.template.StackModel.FunctionDef;
import io.mediasync.local.template.StackModel.QueueDef;
import io.mediasync.local.template.StackTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The template's delivery and trust rules for queues: one MaxReceiveCount everywhere, batches that never leave a
 * message unstarted (which would burn a receive without an attempt), and an internal order queue only
 * mediasync's own functions can send to.
 */
class TemplateQueueRulesTest {

    private static StackModel model(Map<String, String> overrides) throws Exception {
        Map<String, String> parameters = new HashMap<>(LocalOptions.localParameters());
        parameters.putAll(overrides);
        return StackTemplate.load(Repo.root().resolve("template.yaml"), parameters, "http://127.0.0.1:9324", n -> "x");
    }

    @Test
    void oneMaxReceiveCountDrivesEveryRedrivePolicyAndEveryFunctionThatReadsAQueue() throws Exception {
        StackModel model = model(Map.of("MaxReceiveCount", "7"));
        List<String> readers = new ArrayList<>();
        for (FunctionDef f : model.functions()) {
            if (!f.sqsSources().isEmpty()) {
                readers.add(f.name());
                assertThat(f.environment()).as(f.name()).containsEntry("MAX_RECEIVE_COUNT", "7");
            }
        }
        List<QueueDef> redriven = model.queues().stream().filter(q -> q.deadLetterQueue().isPresent()).toList();
        assertThat(redriven).extracting(QueueDef::maxReceiveCount).hasSizeGreaterThanOrEqualTo(9).containsOnly(7);
        assertThat(readers).hasSize(6);
        assertThat(CfnYaml.read(Repo.root().resolve("template.yaml")).toString()).doesNotContain("ImageQueueMaxReceiveCount");
    }

    /**
     * FIFO queues one message at a time: a message is then received only on its group's turn. Standard queues in
     * batches where every message keeps its reserve within the function's timeout (SqsBatches).
     */
    @Test
    void noBatchCanLeaveAMessageUnstarted() throws Exception {
        int checked = 0;
        for (FunctionDef f : model(Map.of()).functions()) {
            for (var source : f.sqsSources()) {
                QueueDef queue = model(Map.of()).queue(source.queueName()).orElseThrow();
                if (queue.fifo()) {
                    assertThat(source.batchSize()).as(f.name() + " reads FIFO " + queue.name()).isEqualTo(1);
                } else if (source.batchSize() > 1) {
                    Duration timeout = Duration.ofSeconds(f.timeoutSeconds());
                    Duration margin = Duration.parse(f.environment().get("INVOCATION_TIME_MARGIN"));
                    Duration reserve = Duration.parse(f.environment().get("MESSAGE_TIME_RESERVE"));
                    Duration usable = timeout.minus(margin.compareTo(timeout.dividedBy(4)) < 0 ? margin : timeout.dividedBy(4));
                    assertThat(usable).as(f.name() + ": " + source.batchSize() + " messages x " + reserve + " within " + usable)
                            .isGreaterThanOrEqualTo(reserve.multipliedBy(source.batchSize()));
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(10);
    }

    @Test
    void ordersTheSystemMakesTravelOnTheirOwnQueueWhichOnlyItsAuthorsMaySendTo() throws Exception {
        StackModel model = model(Map.of());
        FunctionDef resizer = model.function("image-resizer").orElseThrow();
        assertThat(resizer.sqsSources()).extracting(s -> s.queueName()).containsExactly("ImageQueue.fifo", "InternalImageQueue.fifo");
        assertThat(resizer.environment()).containsEntry("INTERNAL_ORDER_QUEUES", "InternalImageQueue.fifo")
                .containsEntry("REDIRECT_QUEUES", "ChannelImages")
                .containsEntry("INTERNAL_REDIRECT_QUEUES", "GL_THUMBNAILS_READY,GL_RESYNC_RESULTS");
        assertThat(resizer.environment().get("INTERNAL_QUEUES")).contains("ImageQueue.fifo", "InternalImageQueue.fifo");
        List<String> senders = new ArrayList<>();
        for (FunctionDef f : model.functions()) {
            boolean sends = TemplateGrants.allowed(f, "sqs:SendMessage").contains("arn:aws:sqs:us-east-1:000000000000:InternalImageQueue.fifo");
            if (sends) {
                senders.add(f.logicalId());
                assertThat(f.environment()).as(f.name()).containsEntry("RESIZE_QUEUE", "InternalImageQueue.fifo");
            }
            assertThat(TemplateGrants.allowed(f, "sqs:SendMessage")).as(f.name() + " never sends to the public order queue")
                    .doesNotContain("arn:aws:sqs:us-east-1:000000000000:ImageQueue.fifo");
        }
        assertThat(senders).containsExactlyInAnyOrder("SyncOrchestratorFunction", "CollectionResyncFunction",
                "CollectionResyncWorkerFunction");
        assertThat(TemplateGrants.queuePolicyDenyExceptions("InternalImageQueuePolicy", "sqs:SendMessage"))
                .containsExactlyInAnyOrder("SyncOrchestratorFunctionRole", "CollectionResyncFunctionRole",
                        "CollectionResyncWorkerFunctionRole");
    }
}
