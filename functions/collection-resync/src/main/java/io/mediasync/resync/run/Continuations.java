package io.mediasync.resync.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.common.sqs.QueueSender;
import io.mediasync.common.sqs.QueueUrls;
import io.mediasync.resync.config.QueuesConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Follow-up work of a run that did not fit one invocation: {@code {"run_id": …, "seq": n}} to the re-sync's own
 * FIFO queue, one message group per run (its continuations run one at a time, in order), deduplicated on run and seq.
 * The message only says which run to go on with; where it stopped is in the run record.
 */
@ApplicationScoped
public class Continuations {

    private final QueueSender sender;
    private final QueueUrls urls;
    private final String queue;
    private final ObjectMapper json;

    public Continuations(QueueSender sender, QueueUrls urls, QueuesConfig queues, ObjectMapper json) {
        this.sender = sender;
        this.urls = urls;
        this.queue = queues.work();
        this.json = json;
    }

    public void send(String runId, String collection, long seq) {
        String body = json.createObjectNode().put("run_id", runId).put("collection", collection).put("seq", seq).toString();
        sender.send(urls.urlOf(queue), body, runId, runId + ":" + seq);
    }
}
