package io.mediasync.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** API Gateway route templates, as the local HTTP API matches them. */
class HttpGatewayTest {

    @Test
    void exactPathsMatchOnlyThemselves() {
        assertThat(HttpGateway.matches("/api/syncall", "/api/syncall")).isTrue();
        assertThat(HttpGateway.matches("/api/syncall", "/api/syncall/x")).isFalse();
        assertThat(HttpGateway.matches("/api/syncall", "/api/synclast")).isFalse();
    }

    @Test
    void pathParametersMatchOneSegment() {
        assertThat(HttpGateway.matches("/sources/{id}", "/sources/77735")).isTrue();
        assertThat(HttpGateway.matches("/sources/{id}", "/sources/77735/files")).isFalse();
    }

    @Test
    void greedyProxyMatchesEverythingBelow() {
        assertThat(HttpGateway.matches("/api/{proxy+}", "/api/synlast")).isTrue();
        assertThat(HttpGateway.matches("/api/{proxy+}", "/api/a/b/c")).isTrue();
        assertThat(HttpGateway.matches("/api/{proxy+}", "/other")).isFalse();
    }
}
