package io.mediasync.common.sqs;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The queues a result may be sent to. A {@code redirect_queue} comes from a message, so it is input, never
 * authority: only names on the allow-list (REDIRECT_QUEUES) are ever looked up or sent to, in this account
 * only (a URL is reduced to its queue name), and an internal queue (sync orders, events, the resize queue
 * itself, any DLQ) can never be one, whatever the configuration says.
 *
 * <p>As the seed did, a result goes only to a queue that exists: existence is looked up through {@link QueueUrls}
 * (GetQueueUrl, cached), forgotten every {@code refreshEveryCalls} calls (CALLS_TO_UPDATE_LIST_SQS_QUEUES) and,
 * for a queue not found, asked again at most once a minute.
 */
public final class RedirectQueues {

    /** Where a named queue stands. */
    public sealed interface Lookup permits Allowed, NotAllowed, NotFound {
    }

    public record Allowed(String name, String url) implements Lookup {
    }

    public record NotAllowed(String name) implements Lookup {
    }

    public record NotFound(String name) implements Lookup {
    }

    private static final Logger LOG = Logger.getLogger(RedirectQueues.class);
    private static final long MISS_REFRESH_NANOS = 60_000_000_000L;

    private final QueueUrls urls;
    private final Set<String> allowed;
    private final long refreshEveryCalls;
    private final AtomicLong calls = new AtomicLong();
    /** Queues found missing, with when: not asked again for a minute. */
    private final Map<String, Long> missing = new ConcurrentHashMap<>();

    public RedirectQueues(QueueUrls urls, Collection<String> allowList, Collection<String> internalQueues, long refreshEveryCalls) {
        this.urls = urls;
        this.refreshEveryCalls = Math.max(1, refreshEveryCalls);
        Set<String> internal = new LinkedHashSet<>();
        internalQueues.forEach(q -> internal.add(QueueNames.nameOf(q)));
        Set<String> names = new LinkedHashSet<>();
        for (String entry : allowList) {
            String name = QueueNames.nameOf(entry);
            if (name.isEmpty()) {
                continue;
            }
            if (isInternal(name, internal)) {
                LOG.errorf("REDIRECT_QUEUES names the internal queue %s: it is never a redirect target", name);
            } else {
                names.add(name);
            }
        }
        this.allowed = Collections.unmodifiableSet(names); // in REDIRECT_QUEUES' order
    }

    /** Internal: named as such, or a dead-letter queue (mediasync's DLQs end in -dlq or -dlq.fifo). */
    static boolean isInternal(String name, Set<String> internal) {
        String lower = name.toLowerCase(Locale.ROOT);
        return internal.contains(name) || lower.endsWith("-dlq") || lower.endsWith("-dlq.fifo");
    }

    public Set<String> allowed() {
        return allowed;
    }

    /** Whether results may go to this queue (allow-listed; existence not checked): no AWS call. */
    public boolean isAllowed(String nameOrUrl) {
        return allowed.contains(QueueNames.nameOf(nameOrUrl));
    }

    /** Counts one invocation (the seed counted receive calls); the cache is dropped when the count is due. */
    public void countCall() {
        if (calls.incrementAndGet() % refreshEveryCalls == 0) {
            missing.clear();
            urls.forget();
        }
    }

    /** Whether a result may go to the queue this name (or URL) names; no AWS call for a name not allowed. */
    public Lookup find(String nameOrUrl) {
        String name = QueueNames.nameOf(nameOrUrl);
        if (!isAllowed(name)) {
            return new NotAllowed(name);
        }
        Long missedAt = missing.get(name);
        if (missedAt != null && System.nanoTime() - missedAt < MISS_REFRESH_NANOS) {
            return new NotFound(name);
        }
        try {
            String url = urls.urlOf(name);
            missing.remove(name);
            return new Allowed(name, url);
        } catch (QueueDoesNotExistException e) {
            missing.put(name, System.nanoTime());
            return new NotFound(name);
        }
    }
}
