package io.mediasync.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.catalog.fetch.PasswordGrant;
import io.mediasync.catalog.fetch.TokenSource;
import io.mediasync.catalog.config.CatalogApiConfig;
import io.mediasync.catalog.config.CatalogFieldsConfig;
import io.mediasync.catalog.config.CatalogLimitsConfig;
import io.mediasync.catalog.sync.ItemMapper;
import io.mediasync.catalog.sync.Upstream;
import io.mediasync.catalog.fetch.CatalogClient;
import io.mediasync.catalog.fetch.PageParser;
import io.mediasync.catalog.fetch.PoliteGet;
import io.mediasync.common.net.AddressPolicy;
import io.mediasync.common.net.Backoff;
import io.mediasync.common.net.FetchLimits;
import io.mediasync.common.net.HostResolver;
import io.mediasync.common.net.RetryPolicy;
import io.mediasync.common.net.SafeHttpClient;
import io.mediasync.common.secrets.SecretSource;
import io.mediasync.common.secrets.Secrets;
import io.mediasync.common.time.Sleeper;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Wires the plain classes (mediasync-common, the upstream client, the token source) from configuration. */
@Singleton
public class Producers {

    private static final Logger LOG = Logger.getLogger(Producers.class);

    /** Name resolution: the system's; tests replace it with a map to loopback (never real DNS). */
    @Produces
    @Singleton
    HostResolver resolver() {
        return HostResolver.system();
    }

    /** Every request to the API and the token endpoint: the SSRF guard, the API's range allowed by CATALOG_ALLOW_CIDRS. */
    @Produces
    @Singleton
    SafeHttpClient http(CatalogApiConfig api, HostResolver resolver) {
        Duration timeout = api.httpTimeout();
        Duration connect = timeout.compareTo(api.connectTimeout()) < 0 ? timeout : api.connectTimeout();
        return new SafeHttpClient(AddressPolicy.fromSettings(api.allowCidrs().orElse(""), api.allowOrigins().orElse("")), resolver,
                new FetchLimits(connect, timeout, api.maxPageBytes(), api.maxRedirects()), api.userAgent());
    }

    void close(@Disposes SafeHttpClient client) throws IOException {
        client.close();
    }

    /** Secrets are not read here but at each use (their ARNs set in AWS): init never waits for Secrets Manager. */
    @Produces
    @Singleton
    TokenSource tokens(CatalogApiConfig api, SafeHttpClient http, ObjectMapper json, Secrets secrets, Clock clock, Sleeper sleeper) {
        TokenSource tokens;
        Optional<SecretSource> token = secrets.setting(api.tokenSecretArn(), api.token());
        if (token.isPresent()) {
            tokens = TokenSource.fixed(token.get(), "a static token (" + (present(api.tokenSecretArn()) ? "API_TOKEN_SECRET_ARN" : "API_TOKEN") + ")");
        } else if (passwordGrant(api).filter(url -> PasswordGrant.refusal(url).isEmpty()).isPresent()) {
            tokens = new PasswordGrant(http, json, passwordGrant(api).get(), credentials(api, json, secrets),
                    api.tokenRetryInterval(), api.tokenRenewBefore(), api.httpTimeout(), clock, sleeper);
        } else {
            tokens = TokenSource.none();
        }
        LOG.infof("catalog API authentication: %s", tokens.describe());
        return tokens;
    }

    @Produces
    @Singleton
    Upstream upstream(CatalogApiConfig api, CatalogFieldsConfig fields, CatalogLimitsConfig limits, SafeHttpClient http,
            TokenSource tokens, ObjectMapper json, Clock clock, Sleeper sleeper) {
        Optional<String> base = base(api);
        if (base.isEmpty()) {
            return new Upstream(Optional.empty(), "CATALOG_API_URL is not set (the template parameter CatalogApiUrl: the catalog API's base URL)");
        }
        URI first;
        Optional<String> insecureTokenUrl;
        try {
            first = URI.create(base.get() + api.sourcesPath());
            insecureTokenUrl = present(api.token()) || present(api.tokenSecretArn()) ? Optional.empty()
                    : passwordGrant(api).flatMap(PasswordGrant::refusal);
        } catch (IllegalArgumentException e) {
            return new Upstream(Optional.empty(), "CATALOG_API_URL or CATALOG_TOKEN_URL is not a URL: " + e.getMessage());
        }
        if (insecureTokenUrl.isPresent()) {
            return new Upstream(Optional.empty(), insecureTokenUrl.get());
        }
        PoliteGet get = new PoliteGet(http, tokens, api.httpTimeout(), RetryPolicy.backoff(PoliteGet::retryable, api.retries(),
                new Backoff(api.backoffBase(), api.backoffCap()), sleeper, clock));
        return new Upstream(Optional.of(new CatalogClient(first, get, new PageParser(json, fields, limits.maxPageItems()), api.maxPages())), null);
    }

    @Produces
    @Singleton
    ItemMapper itemMapper(CatalogFieldsConfig fields, CatalogLimitsConfig limits) {
        return new ItemMapper(fields, limits.maxItemBytes());
    }

    /** API_CREDENTIALS_SECRET_ARN's JSON secret when it is set, else API_USER and API_PASSWORD. */
    private static PasswordGrant.CredentialsSource credentials(CatalogApiConfig api, ObjectMapper json, Secrets secrets) {
        Optional<SecretSource> secret = secrets.setting(api.credentialsSecretArn(), Optional.empty());
        return secret.isPresent() ? PasswordGrant.CredentialsSource.fromJsonSecret(secret.get(), json)
                : PasswordGrant.CredentialsSource.fixed(api.user().get(), api.password().get());
    }

    /** Where the password grant would send the credentials, when they are set (or their secret is). */
    private static Optional<URI> passwordGrant(CatalogApiConfig api) {
        boolean plain = present(api.user()) && api.password().isPresent();
        if (!plain && !present(api.credentialsSecretArn()) || base(api).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(URI.create(api.tokenUrl().filter(t -> !t.isBlank()).orElse(base(api).get() + "/token")));
    }

    private static boolean present(Optional<String> setting) {
        return setting.filter(v -> !v.isBlank()).isPresent();
    }

    /** CATALOG_API_URL without a trailing slash. */
    private static Optional<String> base(CatalogApiConfig api) {
        return api.url().map(String::trim).filter(u -> !u.isEmpty()).map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    }
}
