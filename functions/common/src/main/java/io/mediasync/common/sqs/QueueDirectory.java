package io.mediasync.common.sqs;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;

/**
 * The queues that exist, by name, cached. As the seed did, the list is refreshed every
 * {@code refreshEveryCalls} calls ({@code CALLS_TO_UPDATE_LIST_SQS_QUEUES}); a name that is not in
 * the cache also triggers one refresh, at most once a minute, so a queue created after start-up is
 * found without waiting for the counter.
 */
public final class QueueDirectory {

    private static final long MISS_REFRESH_NANOS = 60_000_000_000L;

    private final SqsClient sqs;
    private final long refreshEveryCalls;
    private final AtomicLong calls = new AtomicLong();
    private volatile Map<String, String> urlsByName;
    private volatile long refreshedAt;

    public QueueDirectory(SqsClient sqs, long refreshEveryCalls) {
        this.sqs = sqs;
        this.refreshEveryCalls = Math.max(1, refreshEveryCalls);
    }

    /** Counts one call (one invocation, like the seed's receive loop); refreshes when the count is due. */
    public void countCall() {
        if (calls.incrementAndGet() % refreshEveryCalls == 0) {
            urlsByName = null;
        }
    }

    /** The URL of the queue with this name (or this URL), if the queue exists. */
    public Optional<String> find(String nameOrUrl) {
        String name = nameOrUrl.substring(nameOrUrl.lastIndexOf('/') + 1);
        Map<String, String> urls = urlsByName;
        if (urls == null) {
            urls = refresh();
        }
        String url = urls.get(name);
        if (url == null && System.nanoTime() - refreshedAt > MISS_REFRESH_NANOS) {
            url = refresh().get(name);
        }
        return Optional.ofNullable(url);
    }

    private synchronized Map<String, String> refresh() {
        Map<String, String> urls = new ConcurrentHashMap<>();
        String next = null;
        do {
            ListQueuesResponse page = sqs.listQueues(ListQueuesRequest.builder().nextToken(next).maxResults(1000).build());
            for (String url : page.queueUrls()) {
                urls.put(url.substring(url.lastIndexOf('/') + 1), url);
            }
            next = page.nextToken();
        } while (next != null && !next.isEmpty());
        urlsByName = urls;
        refreshedAt = System.nanoTime();
        return urls;
    }
}
