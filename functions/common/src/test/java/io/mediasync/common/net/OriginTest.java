package io.mediasync.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OriginTest {

    @Test
    void schemeHostAndEffectivePortMakeTheOrigin() {
        assertThat(Origin.of(URI.create("http://a.example/x"))).isEqualTo(Origin.of(URI.create("HTTP://A.example:80/y?q")));
        assertThat(Origin.of(URI.create("https://a.example./x"))).isEqualTo(Origin.of(URI.create("https://a.example:443/")));
        assertThat(Origin.of(URI.create("http://a.example/x"))).isNotEqualTo(Origin.of(URI.create("https://a.example/x")));
        assertThat(Origin.of(URI.create("http://a.example/x"))).isNotEqualTo(Origin.of(URI.create("http://b.example/x")));
        assertThat(Origin.of(URI.create("http://a.example:8080/"))).isNotEqualTo(Origin.of(URI.create("http://a.example/")));
    }

    @Test
    void printsTheSerialisedOrigin() {
        assertThat(Origin.of(URI.create("https://Hooks.Example.com:443/a/b"))).hasToString("https://hooks.example.com");
        assertThat(Origin.of(URI.create("http://127.0.0.1:8080/x"))).hasToString("http://127.0.0.1:8080");
    }
}
