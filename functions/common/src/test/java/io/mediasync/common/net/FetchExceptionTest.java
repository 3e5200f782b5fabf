package io.mediasync.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.net.FetchException.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FetchExceptionTest {

    @ParameterizedTest(name = "{0} {1} -> {2} retryable={3}")
    @CsvSource({
            "BAD_URL, 0, bad_url, false",
            "BLOCKED_ADDRESS, 0, blocked_address, false",
            "TOO_LARGE, 0, too_large, false",
            "TOO_MANY_REDIRECTS, 0, too_many_redirects, false",
            "TIMEOUT, 0, timeout, true",
            "NETWORK, 0, network, true",
            "HTTP_STATUS, 400, http_400, false",
            "HTTP_STATUS, 403, http_403, false",
            "HTTP_STATUS, 404, http_404, false",
            "HTTP_STATUS, 408, http_408, true",
            "HTTP_STATUS, 410, http_410, false",
            "HTTP_STATUS, 429, http_429, true",
            "HTTP_STATUS, 500, http_500, true",
            "HTTP_STATUS, 503, http_503, true",
            "HTTP_STATUS, 304, http_304, false"})
    void codesAndRetryability(Kind kind, int status, String code, boolean retryable) {
        FetchException e = new FetchException(kind, status, "test", null);
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.retryable()).isEqualTo(retryable);
    }
}
