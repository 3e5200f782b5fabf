package io.mediasync.common.sqs;

/**
 * One message to send: its JSON body, and for FIFO queues its group and deduplication key (the key is
 * hashed into the deduplication id; null = the body).
 */
public record MessageOut(String body, String groupId, String dedupKey) {
}
