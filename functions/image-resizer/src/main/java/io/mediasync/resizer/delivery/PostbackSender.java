package io.mediasync.resizer.delivery;

import io.mediasync.common.net.FetchException;
import io.mediasync.common.net.PostResult;
import io.mediasync.common.net.SafeHttpClient;
import io.mediasync.common.postback.WebhookSigner;
import io.mediasync.resizer.config.PostbackConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * POSTs a result to the order's postback_url, signed per Standard Webhooks. The webhook-id is the
 * order record's id, the same on every retry, so receivers can drop duplicates.
 */
@ApplicationScoped
public class PostbackSender {

    private static final Logger LOG = Logger.getLogger(PostbackSender.class);

    private final SafeHttpClient http;
    private final Optional<WebhookSigner> signer;

    public PostbackSender(@ForPostbacks SafeHttpClient http, PostbackConfig config) {
        this.http = http;
        this.signer = config.secrets().filter(s -> !s.isBlank()).map(WebhookSigner::fromConfig);
    }

    /** @return the receiver's HTTP status (2xx) */
    public int send(String url, String webhookId, String resultJson) throws PostbackException {
        byte[] body = resultJson.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = signer.map(s -> s.sign(webhookId, System.currentTimeMillis() / 1000, body))
                .orElseGet(() -> {
                    LOG.warn("POSTBACK_SECRET is not set: the postback is sent unsigned");
                    return Map.of();
                });
        PostResult result;
        try {
            result = http.post(URI.create(url), body, "application/json", headers);
        } catch (FetchException e) {
            throw new PostbackException("postback_" + e.code(), "postback to " + url + " failed: " + e.getMessage(), e);
        }
        if (!result.successful()) {
            throw new PostbackException("postback_http_" + result.status(),
                    "postback to " + url + " answered HTTP " + result.status() + ": " + result.bodySnippet(), null);
        }
        return result.status();
    }
}
