package io.mediasync.resync.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.common.sqs.QueueSender;
import io.mediasync.resync.config.QueuesConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Follow-up work that did not fit one invocation, to the re-sync's own FIFO queue, deduplicated on what it continues
 * and its seq. A run's: {@code {"run_id": …, "seq": n}}, one message group per run (its continuations run one at a
 * time, in order); where it stopped is in the run record. An applied result still being passed on to the documents
 * that show it: {@code {"inherit": <row key>, "token": …, "run_id": …, "seq": n}}, one group per row; where it
 * stopped is in the row ({@code ordered.inheriting}).
 */
@ApplicationScoped
public class Continuations {

    private final QueueSender sender;
    private final String queue;
    private final ObjectMapper json;

    public Continuations(QueueSender sender, QueuesConfig queues, ObjectMapper json) {
        this.sender = sender;
        this.queue = queues.work();
        this.json = json;
    }

    public void send(String runId, String collection, long seq) {
        String body = json.createObjectNode().put("run_id", runId).put("collection", collection).put("seq", seq).toString();
        sender.send(queue, body, runId, runId + ":" + seq);
    }

    public void sendInheritance(String rowKey, String token, String runId, long seq) {
        String body = json.createObjectNode().put("inherit", rowKey).put("token", token).put("run_id", runId).put("seq", seq).toString();
        sender.send(queue, body, rowKey, rowKey + ":" + token + ":" + seq);
    }
}
