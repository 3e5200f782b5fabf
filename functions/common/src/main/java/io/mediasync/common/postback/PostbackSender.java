package io.mediasync.common.postback;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.metrics.Metric;
import io.mediasync.common.metrics.Metrics;
import io.mediasync.common.metrics.StatusClass;
import io.mediasync.common.net.FetchException;
import io.mediasync.common.net.PostResult;
import io.mediasync.common.net.SafeHttpClient;
import io.mediasync.common.secrets.SecretSource;
import io.mediasync.common.secrets.SecretUnavailableException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * POSTs a JSON body to a receiver through the SSRF guard, signed per Standard Webhooks with that receiver's own
 * secret for the kind of message this sender carries ({@link ReceiverSecrets}, {@link PostbackKind}). The
 * webhook-id is chosen by the caller and stays the same on every retry, so receivers can drop duplicates. Used by
 * every function that posts back, each for its one kind.
 */
public final class PostbackSender {

    private static final Logger LOG = Logger.getLogger(PostbackSender.class);

    private final SafeHttpClient http;
    private final Optional<SecretSource> masterSecrets;
    private final PostbackKind kind;

    /**
     * @param masterSecrets POSTBACK_SECRET (or the secret POSTBACK_SECRET_ARN names), read at each postback so a
     *                      rotation reaches the next one; empty: postbacks go unsigned (a WARN each time)
     */
    public PostbackSender(SafeHttpClient http, Optional<SecretSource> masterSecrets, PostbackKind kind) {
        this.http = http;
        this.masterSecrets = masterSecrets;
        this.kind = kind;
    }

    /** @return the receiver's 2xx status */
    public int send(String url, String webhookId, String json, Deadline until) throws PostbackFailure {
        URI target;
        try {
            target = new URI(url);
            if (target.getHost() == null) {
                throw new URISyntaxException(url, "no host");
            }
        } catch (URISyntaxException e) {
            throw new PostbackFailure("postback_bad_url", "postback URL " + url + " is not valid", false, 0, e);
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of();
        if (masterSecrets.isPresent()) {
            headers = receiverSecrets(masterSecrets.get()).signerFor(target, kind).sign(webhookId, System.currentTimeMillis() / 1000, body);
        } else {
            LOG.warn("POSTBACK_SECRET is not set: the postback is sent unsigned");
        }
        PostResult result;
        long started = System.nanoTime();
        try {
            result = http.post(target, body, "application/json", headers, until);
            attempted(started, StatusClass.of(result.status()));
        } catch (FetchException e) {
            attempted(started, StatusClass.of(e.status()));
            throw new PostbackFailure("postback_" + e.code(), "postback to " + url + " failed: " + e.getMessage(), e.retryable(),
                    0, e);
        }
        if (!result.successful()) {
            boolean gone = result.status() == 410;
            throw new PostbackFailure("postback_http_" + result.status(), "postback to " + url + " answered HTTP "
                    + result.status() + (gone ? " Gone: not retried" : "") + snippet(result), !gone, result.status(), null);
        }
        return result.status();
    }

    /** Nothing is sent unsigned when a secret is configured: one that cannot be read or parsed fails the postback, retried. */
    private static ReceiverSecrets receiverSecrets(SecretSource master) throws PostbackFailure {
        String value;
        try {
            value = master.value();
        } catch (SecretUnavailableException e) {
            throw new PostbackFailure("postback_secret_unavailable", e.getMessage(), true, 0, e);
        }
        try {
            return new ReceiverSecrets(value);
        } catch (IllegalArgumentException e) {
            // WebhookSecret's messages name the fault (prefix, base64, length), never the value
            throw new PostbackFailure("postback_secret_invalid", "the postback master secret is not valid: " + e.getMessage(), true, 0, e);
        }
    }

    /** Every POST made counts, by what came back: PostbackAttempts by StatusClass, and PostbackTime. */
    private static void attempted(long startedNanos, String statusClass) {
        Metrics.nanos(Metric.POSTBACK_TIME, System.nanoTime() - startedNanos);
        Metrics.count(Metric.POSTBACK_ATTEMPTS, statusClass, 1);
    }

    private static String snippet(PostResult result) {
        String text = result.bodySnippet().strip();
        return text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
    }
}
