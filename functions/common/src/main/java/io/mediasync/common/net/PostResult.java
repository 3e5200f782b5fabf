package io.mediasync.common.net;

/**
 * The answer to a POST.
 *
 * @param status      the HTTP status
 * @param bodySnippet the start of the response body as text (for logs and delivery records), never null
 */
public record PostResult(int status, String bodySnippet) {

    public PostResult {
        bodySnippet = bodySnippet == null ? "" : bodySnippet;
    }

    /** 2xx. */
    public boolean successful() {
        return status >= 200 && status <= 299;
    }
}
