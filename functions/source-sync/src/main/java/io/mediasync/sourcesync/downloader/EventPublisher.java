package io.mediasync.sourcesync.downloader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.sourcesync.config.QueuesConfig;
import io.mediasync.sourcesync.messages.FileEvent;
import io.mediasync.sourcesync.messages.SourceSynchronizedEvent;
import io.mediasync.common.sqs.QueueSender;
import io.mediasync.common.sqs.MessageOut;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Sends the sync events (seed 001's shapes plus extra fields) to their queues, batched. */
@ApplicationScoped
public class EventPublisher {

    private final QueueSender sender;
    private final QueuesConfig queues;
    private final ObjectMapper json;

    public EventPublisher(QueueSender sender, QueuesConfig queues, ObjectMapper json) {
        this.sender = sender;
        this.queues = queues;
        this.json = json;
    }

    /** Events of any of the three file kinds; each goes to its own queue. */
    public void publishFileEvents(List<FileEvent> events) {
        List<MessageOut> downloaded = new ArrayList<>();
        List<MessageOut> skipped = new ArrayList<>();
        List<MessageOut> deleted = new ArrayList<>();
        for (FileEvent e : events) {
            MessageOut out = new MessageOut(write(e), Long.toString(e.sourceId()), null);
            switch (e.event()) {
                case FileEvent.DOWNLOADED -> downloaded.add(out);
                case FileEvent.SKIPPED -> skipped.add(out);
                case FileEvent.DELETED -> deleted.add(out);
                default -> throw new IllegalArgumentException("unknown event " + e.event());
            }
        }
        sender.sendAll(queues.fileDownloaded(), downloaded);
        sender.sendAll(queues.fileDownloadSkipped(), skipped);
        sender.sendAll(queues.fileDeleted(), deleted);
    }

    public void publishSynchronized(SourceSynchronizedEvent event) {
        sender.sendAll(queues.sourceSynchronized(), List.of(new MessageOut(write(event), Long.toString(event.sourceId()),
                null)));
    }

    private String write(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable", e);
        }
    }
}
