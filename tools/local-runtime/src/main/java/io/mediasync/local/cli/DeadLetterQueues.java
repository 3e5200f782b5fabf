package io.mediasync.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The dead-letter queues of a stack and their messages, through the plain SQS API (the same calls on the local stack
 * and in AWS). A DLQ is a queue another queue's RedrivePolicy names, or one whose name ends in {@code -dlq}
 * ({@code -dlq.fifo}). Messages are read by receiving them for a while and giving them back at once
 * (visibility 0): SQS has no other way to look at a queue.
 */
final class DeadLetterQueues {

    /** How long a message read for a look stays hidden, should the command die before it gives it back. */
    static final int READ_VISIBILITY_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param sources the queues whose RedrivePolicy names this one */
    record Dlq(String name, String url, List<String> sources, int visible, int inFlight) {
        boolean fifo() {
            return name.endsWith(".fifo");
        }
    }

    private final SqsClient sqs;

    DeadLetterQueues(SqsClient sqs) {
        this.sqs = sqs;
    }

    List<Dlq> list() {
        Map<String, String> urls = new TreeMap<>();
        sqs.listQueuesPaginator(b -> b.maxResults(1000)).queueUrls().forEach(url -> urls.put(url.substring(url.lastIndexOf('/') + 1), url));
        Map<String, List<String>> sources = new LinkedHashMap<>();
        urls.forEach((name, url) -> redriveTarget(url).ifPresent(dlq -> sources.computeIfAbsent(dlq, k -> new ArrayList<>()).add(name)));
        List<Dlq> dlqs = new ArrayList<>();
        urls.forEach((name, url) -> {
            if (sources.containsKey(name) || name.endsWith("-dlq") || name.endsWith("-dlq.fifo")) {
                Map<String, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                        .attributesAsStrings();
                dlqs.add(new Dlq(name, url, sources.getOrDefault(name, List.of()), Integer.parseInt(a.get("ApproximateNumberOfMessages")),
                        Integer.parseInt(a.get("ApproximateNumberOfMessagesNotVisible"))));
            }
        });
        return dlqs;
    }

    Optional<Dlq> find(String name) {
        return list().stream().filter(d -> d.name().equals(name) || d.name().equals(name + ".fifo")).findFirst();
    }

    /** The DLQ a queue's RedrivePolicy names. */
    private Optional<String> redriveTarget(String url) {
        String policy = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributesAsStrings().get("RedrivePolicy");
        if (policy == null || policy.isBlank()) {
            return Optional.empty();
        }
        try {
            String arn = JSON.readTree(policy).path("deadLetterTargetArn").asText("");
            return arn.isEmpty() ? Optional.empty() : Optional.of(arn.substring(arn.lastIndexOf(':') + 1));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /**
     * Up to {@code max} messages, received and kept hidden until {@link #giveBack}. In a FIFO queue a message group's
     * later messages come only with or after its first, so a group of more than ten may show in part.
     */
    List<Message> read(Dlq dlq, int max) {
        List<Message> read = new ArrayList<>();
        while (read.size() < max) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(dlq.url()).maxNumberOfMessages(Math.min(10, max - read.size()))
                    .waitTimeSeconds(1).visibilityTimeout(READ_VISIBILITY_SECONDS)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                break;
            }
            read.addAll(batch);
        }
        return read;
    }

    /** Visible again at once: what was only looked at. */
    void giveBack(Dlq dlq, List<Message> messages) {
        for (int i = 0; i < messages.size(); i += 10) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (Message m : messages.subList(i, Math.min(messages.size(), i + 10))) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(entries.size()))
                        .receiptHandle(m.receiptHandle()).visibilityTimeout(0).build());
            }
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(dlq.url()).entries(entries));
        }
    }

    /** The queue a dead-lettered message came from: its DeadLetterQueueSourceArn, else the DLQ's only source queue. */
    Optional<String> sourceOf(Dlq dlq, Message m) {
        String arn = m.attributesAsStrings().get("DeadLetterQueueSourceArn");
        if (arn != null && !arn.isBlank()) {
            return Optional.of(arn.substring(arn.lastIndexOf(':') + 1));
        }
        return dlq.sources().size() == 1 ? Optional.of(dlq.sources().get(0)) : Optional.empty();
    }

    /**
     * Sends the message to {@code queue} as it was (body, attributes, FIFO group and deduplication id, or
     * {@code dedupId} instead), then deletes it from the DLQ.
     *
     * @return the message id in {@code queue}
     */
    String move(Dlq dlq, Message m, String queue, Optional<String> dedupId) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        Map<String, String> system = m.attributesAsStrings();
        String sent = sqs.sendMessage(b -> {
            b.queueUrl(url).messageBody(m.body()).messageAttributes(m.messageAttributes());
            if (queue.endsWith(".fifo")) {
                b.messageGroupId(system.get("MessageGroupId"))
                        .messageDeduplicationId(dedupId.orElse(system.get("MessageDeduplicationId")));
            }
        }).messageId();
        sqs.deleteMessage(b -> b.queueUrl(dlq.url()).receiptHandle(m.receiptHandle()));
        return sent;
    }

    /** When the message was first sent (epoch ms), 0 if SQS does not say. */
    static long sentAt(Message m) {
        String sent = m.attributesAsStrings().get("SentTimestamp");
        return sent == null ? 0 : Long.parseLong(sent);
    }
}
