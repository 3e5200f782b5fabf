package io.mediasync.sourcesync.orchestrator;

import io.mediasync.common.net.FetchException;
import io.mediasync.common.net.PostResult;
import io.mediasync.common.net.SafeHttpClient;
import io.mediasync.common.postback.WebhookSigner;
import io.mediasync.sourcesync.config.OrchestratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** POSTs "source synchronized" to a source's sync_postback_url, signed per Standard Webhooks, through the SSRF guard. */
@ApplicationScoped
public class SyncPostbackSender {

    private static final Logger LOG = Logger.getLogger(SyncPostbackSender.class);

    /** The postback did not get a 2xx answer; the event is retried. */
    public static class PostbackFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        PostbackFailed(String code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final SafeHttpClient http;
    private final Optional<WebhookSigner> signer;

    public SyncPostbackSender(@ForPostbacks SafeHttpClient http, OrchestratorConfig config) {
        this.http = http;
        this.signer = config.postbackSecrets().filter(s -> !s.isBlank()).map(WebhookSigner::fromConfig);
    }

    /** @return the receiver's (2xx) status */
    public int send(String url, String webhookId, String json) throws PostbackFailed {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = signer.map(s -> s.sign(webhookId, System.currentTimeMillis() / 1000, body))
                .orElseGet(() -> {
                    LOG.warn("POSTBACK_SECRET is not set: the sync postback is sent unsigned");
                    return Map.of();
                });
        PostResult result;
        try {
            result = http.post(URI.create(url), body, "application/json", headers);
        } catch (FetchException e) {
            throw new PostbackFailed("postback_" + e.code(), "postback to " + url + " failed: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new PostbackFailed("postback_bad_url", "postback URL " + url + " is not valid", e);
        }
        if (!result.successful()) {
            throw new PostbackFailed("postback_http_" + result.status(), "postback to " + url + " answered HTTP "
                    + result.status(), null);
        }
        return result.status();
    }
}
