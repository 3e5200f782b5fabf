package io.mediasync.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The upstream catalog API, its credentials and our manners towards it. Each default and its variable (the seed's
 * where it had one) are written once, in the @WithDefault; an empty optional variable means "not set".
 */
@ConfigMapping(prefix = "mediasync.catalog.api")
public interface CatalogApiConfig {

    /** CATALOG_API_URL: the API's base; the listing is {@code GET {url}{sourcesPath}}. */
    @WithDefault("${CATALOG_API_URL:}")
    Optional<String> url();

    /** CATALOG_SOURCES_PATH, appended to the base URL. */
    @WithDefault("${CATALOG_SOURCES_PATH:/sources}")
    String sourcesPath();

    /** CATALOG_TOKEN_URL: the OAuth 2.0 token endpoint; unset = {@code {url}/token}. */
    @WithDefault("${CATALOG_TOKEN_URL:}")
    Optional<String> tokenUrl();

    /** API_TOKEN (seed): a static bearer token, never expires, wins over user/password. */
    @WithDefault("${API_TOKEN:}")
    Optional<String> token();

    /** API_USER (seed). */
    @WithDefault("${API_USER:}")
    Optional<String> user();

    /** API_PASSWORD (seed). */
    @WithDefault("${API_PASSWORD:}")
    Optional<String> password();

    /** API_TOKEN_SECRET_ARN: the Secrets Manager secret holding the static token, read at run time; wins over API_TOKEN. */
    @WithDefault("${API_TOKEN_SECRET_ARN:}")
    Optional<String> tokenSecretArn();

    /**
     * API_CREDENTIALS_SECRET_ARN: a Secrets Manager secret {@code {"username": "...", "password": "..."}}, read at run
     * time; wins over API_USER/API_PASSWORD.
     */
    @WithDefault("${API_CREDENTIALS_SECRET_ARN:}")
    Optional<String> credentialsSecretArn();

    /** INTERVAL_RETRY_TOKEN_SECONDS (seed): pause between token retrievals that failed to connect. */
    @WithDefault("${INTERVAL_RETRY_TOKEN_SECONDS:5}")
    Duration tokenRetryInterval();

    /** CATALOG_TOKEN_RENEW_BEFORE: a cached token is renewed this long before it expires. */
    @WithDefault("${CATALOG_TOKEN_RENEW_BEFORE:PT60S}")
    Duration tokenRenewBefore();

    /** CATALOG_HTTP_TIMEOUT: the most one request to the API may take. */
    @WithDefault("${CATALOG_HTTP_TIMEOUT:PT10S}")
    Duration httpTimeout();

    /** CATALOG_CONNECT_TIMEOUT: the most opening a connection to the API may take (never more than the request's). */
    @WithDefault("${CATALOG_CONNECT_TIMEOUT:PT5S}")
    Duration connectTimeout();

    /** CATALOG_MAX_REDIRECTS: redirects followed by one request to the API or the token endpoint. */
    @WithDefault("${CATALOG_MAX_REDIRECTS:5}")
    int maxRedirects();

    /** CATALOG_HTTP_RETRIES: retries of a request answered 429 or 5xx, or that timed out. */
    @WithDefault("${CATALOG_HTTP_RETRIES:3}")
    int retries();

    /** CATALOG_BACKOFF_BASE: first wait before a retry, doubled each time, with jitter. */
    @WithDefault("${CATALOG_BACKOFF_BASE:PT0.5S}")
    Duration backoffBase();

    /** CATALOG_BACKOFF_CAP: longest wait before a retry, whatever Retry-After asks for. */
    @WithDefault("${CATALOG_BACKOFF_CAP:PT10S}")
    Duration backoffCap();

    /** CATALOG_MAX_PAGES: pages followed in one run; more is an incomplete listing. */
    @WithDefault("${CATALOG_MAX_PAGES:1000}")
    int maxPages();

    /** CATALOG_MAX_PAGE_BYTES: largest page accepted. */
    @WithDefault("${CATALOG_MAX_PAGE_BYTES:16777216}")
    long maxPageBytes();

    /** CATALOG_ALLOW_CIDRS (else FETCH_ALLOW_CIDRS): private ranges the API may live in, e.g. "10.0.0.0/8". */
    @WithDefault("${CATALOG_ALLOW_CIDRS:${FETCH_ALLOW_CIDRS:}}")
    Optional<String> allowCidrs();

    /** CATALOG_ALLOW_ORIGINS (else FETCH_ALLOW_ORIGINS): single servers (IP:port) the API may live on, e.g. "127.0.0.1:8080". */
    @WithDefault("${CATALOG_ALLOW_ORIGINS:${FETCH_ALLOW_ORIGINS:}}")
    Optional<String> allowOrigins();

    /** CATALOG_USER_AGENT. */
    @WithDefault("${CATALOG_USER_AGENT:mediasync-catalog-sync/1.0}")
    String userAgent();
}
