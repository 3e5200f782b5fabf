package io.mediasync.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "gopher://127.0.0.1:70/_x", "ftp://example.com/a", "jar:file:/x!/y",
            "mailto:a@example.com", "/relative/path", "http:///nohost", "http://user:pw@example.com/",
            "http://127.1/", "http://a_b.example/", "http://example.com:0/", "http://example.123/", "http://1.2.3.999/",
            "http://[fe80::1%25eth0]/"})
    void rejectsUrlsThatAreNotPlainHttp(String url) {
        assertThatThrownBy(() -> TargetUrl.check(URI.create(url)))
                .isInstanceOf(FetchException.class)
                .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.BAD_URL));
    }

    @Test
    void acceptsHttpAndHttpsAndDropsTheFragment() throws Exception {
        assertThat(TargetUrl.check(URI.create("HTTPS://Example.com/a.png?x=1#frag")))
                .isEqualTo(URI.create("HTTPS://Example.com/a.png?x=1"));
        assertThat(TargetUrl.check(URI.create("http://[2001:4860::1]:8080/x"))).hasPort(8080);
        assertThat(TargetUrl.check(URI.create("http://0x7f000001/"))).hasHost("0x7f000001");
    }

    @Test
    void resolvesRedirectLocations() throws Exception {
        URI base = URI.create("http://example.com/a/b.png");
        assertThat(TargetUrl.redirectTarget(base, "c.png")).isEqualTo(URI.create("http://example.com/a/c.png"));
        assertThat(TargetUrl.redirectTarget(base, "/root.png")).isEqualTo(URI.create("http://example.com/root.png"));
        assertThat(TargetUrl.redirectTarget(base, "//cdn.example/x")).isEqualTo(URI.create("http://cdn.example/x"));
        assertThat(TargetUrl.redirectTarget(base, "https://cdn.example/x y.png"))
                .isEqualTo(URI.create("https://cdn.example/x%20y.png"));
        assertThat(TargetUrl.redirectTarget(base, "/caf\u00e9.png")).isEqualTo(URI.create("http://example.com/caf%C3%A9.png"));
    }

    @Test
    void refusesRedirectsToOtherSchemes() {
        URI base = URI.create("http://example.com/");
        for (String location : new String[] {"file:///etc/passwd", "gopher://x/", "", "data:text/plain,hi"}) {
            assertThatThrownBy(() -> TargetUrl.redirectTarget(base, location))
                    .as(location)
                    .isInstanceOf(FetchException.class)
                    .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.BAD_URL));
        }
    }
}
