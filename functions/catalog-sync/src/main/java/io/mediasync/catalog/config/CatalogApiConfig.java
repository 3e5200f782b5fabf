package io.mediasync.catalog.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/**
 * The upstream catalog API, its credentials and our manners towards it. Defaults and the seed's variable names are in
 * application.properties (one place), so an empty variable means "not set" rather than a configuration error.
 */
@ConfigMapping(prefix = "mediasync.catalog.api")
public interface CatalogApiConfig {

    /** CATALOG_API_URL: the API's base; the listing is {@code GET {url}{sourcesPath}}. */
    Optional<String> url();

    /** CATALOG_SOURCES_PATH, appended to the base URL. */
    String sourcesPath();

    /** CATALOG_TOKEN_URL: the OAuth 2.0 token endpoint; unset = {@code {url}/token}. */
    Optional<String> tokenUrl();

    /** API_TOKEN (seed): a static bearer token, never expires, wins over user/password. */
    Optional<String> token();

    /** API_USER (seed). */
    Optional<String> user();

    /** API_PASSWORD (seed). */
    Optional<String> password();

    /** API_TOKEN_SECRET_ARN: the Secrets Manager secret holding the static token, read at run time; wins over API_TOKEN. */
    Optional<String> tokenSecretArn();

    /**
     * API_CREDENTIALS_SECRET_ARN: a Secrets Manager secret {@code {"username": "...", "password": "..."}}, read at run
     * time; wins over API_USER/API_PASSWORD.
     */
    Optional<String> credentialsSecretArn();

    /** INTERVAL_RETRY_TOKEN_SECONDS (seed): pause between token retrievals that failed to connect. */
    Duration tokenRetryInterval();

    /** CATALOG_TOKEN_RENEW_BEFORE: a cached token is renewed this long before it expires. */
    Duration tokenRenewBefore();

    /** CATALOG_HTTP_TIMEOUT: the most one request to the API may take. */
    Duration httpTimeout();

    /** CATALOG_HTTP_RETRIES: retries of a request answered 429 or 5xx, or that timed out. */
    int retries();

    /** CATALOG_BACKOFF_BASE: first wait before a retry, doubled each time, with jitter. */
    Duration backoffBase();

    /** CATALOG_BACKOFF_CAP: longest wait before a retry, whatever Retry-After asks for. */
    Duration backoffCap();

    /** CATALOG_MAX_PAGES: pages followed in one run; more is an incomplete listing. */
    int maxPages();

    /** CATALOG_MAX_PAGE_BYTES: largest page accepted. */
    long maxPageBytes();

    /** CATALOG_ALLOW_CIDRS (else FETCH_ALLOW_CIDRS): private ranges the API may live in, e.g. "10.0.0.0/8". */
    Optional<String> allowCidrs();

    /** CATALOG_ALLOW_ORIGINS (else FETCH_ALLOW_ORIGINS): single servers (IP:port) the API may live on, e.g. "127.0.0.1:8080". */
    Optional<String> allowOrigins();

    /** CATALOG_USER_AGENT. */
    String userAgent();
}
