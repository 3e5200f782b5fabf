package io.mediasync.common.net;

import java.io.IOException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/** Builds the Apache HttpClient behind {@link SafeHttpClient}, with every default that could hurt turned off. */
final class GuardedHttpClientFactory {

    /** Lambda runs one invocation at a time; a couple of connections is plenty. */
    private static final int MAX_CONNECTIONS = 4;
    /** Bounds on response heads, so a hostile server cannot stream headers into memory. */
    private static final int MAX_HEADER_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    private GuardedHttpClientFactory() {
    }

    static CloseableHttpClient create(AddressPolicy policy, HostResolver resolver, FetchLimits limits,
                                      String userAgent, ConnectListener listener, TlsSocketStrategy tls) {
        Timeout connectTimeout = Timeout.of(limits.connectTimeout());
        Timeout readTimeout = Timeout.of(limits.readTimeout());

        DetachedSocketFactory sockets = proxy -> {
            if (proxy != null) {
                throw new IOException("proxies are not supported");
            }
            return new GuardedSocket(policy, listener);
        };
        DefaultHttpClientConnectionOperator operator = new DefaultHttpClientConnectionOperator(
                sockets,
                DefaultSchemePortResolver.INSTANCE,
                new GuardedDnsResolver(resolver, policy),
                RegistryBuilder.<TlsSocketStrategy>create().register("https", tls).build());
        ManagedHttpClientConnectionFactory connections = ManagedHttpClientConnectionFactory.builder()
                .http1Config(Http1Config.custom().setMaxLineLength(MAX_HEADER_LINE).setMaxHeaderCount(MAX_HEADERS).build())
                .build();
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(
                operator, PoolConcurrencyPolicy.STRICT, PoolReusePolicy.LIFO, TimeValue.NEG_ONE_MILLISECOND, connections);
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setDefaultMaxPerRoute(MAX_CONNECTIONS);
        pool.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(readTimeout).build());
        pool.setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(connectTimeout)
                .setSocketTimeout(readTimeout)
                .build());

        RequestConfig requests = RequestConfig.custom()
                .setRedirectsEnabled(false)
                .setAuthenticationEnabled(false)
                .setContentCompressionEnabled(false)
                .setExpectContinueEnabled(false)
                .setProtocolUpgradeEnabled(false)
                .setHardCancellationEnabled(true)
                .setConnectionRequestTimeout(connectTimeout)
                .setResponseTimeout(readTimeout)
                .build();

        // No useSystemProperties(): no proxies or other settings from system properties or the environment.
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
                .setDefaultRequestConfig(requests)
                .setUserAgent(userAgent)
                // Every request gets a fresh connection, so every request is checked by the guard at
                // connect time, and no stale connection survives a frozen Lambda.
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
    }
}
