package io.mediasync.common.lambda;

/**
 * What an SQS function does with one message, in the two steps {@link SqsBatches} runs for each message of a batch:
 * parse the body to the message's contract, then handle that. Both run under the common failure policy: what they
 * throw is classified, recorded and retried (or not) by {@link SqsBatches}.
 *
 * @param <M> the message's contract
 */
public interface SqsHandler<M> {

    /** The message as its contract; a message that is none throws (what it throws is {@link #refused} next). */
    M parse(SqsMessage message) throws Exception;

    /**
     * A message {@link #parse} refused. By default the refusal is thrown on to the failure policy (a permanent
     * {@code FailureException} is recorded as failed); a handler that records its rejections itself does so here
     * and calls {@link Delivery#rejected}.
     */
    default void refused(Exception refusal, Delivery delivery) throws Exception {
        throw refusal;
    }

    /** Handles the parsed message: returns when it is finished, throws otherwise. */
    void handle(M message, Delivery delivery) throws Exception;
}
