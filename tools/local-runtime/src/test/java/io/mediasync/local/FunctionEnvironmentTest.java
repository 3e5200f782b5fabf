package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.testsupport.Endpoints;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the local runtime lets the functions download from on loopback: its image server and what up names, no more. */
class FunctionEnvironmentTest {

    private static final Endpoints LOCAL = new Endpoints(URI.create("http://127.0.0.1:9324"), URI.create("http://127.0.0.1:9000"),
            "mongodb://127.0.0.1:27017", "us-east-1", "test", "test");

    @Test
    void onlyTheImageServerIsAllowedNotTheWholeLoopbackRange() {
        Map<String, String> env = FunctionEnvironment.of(LOCAL, "whsec_x", 9001, Map.of());

        assertThat(env).containsEntry("FETCH_ALLOW_ORIGINS", "127.0.0.1:9001,[::1]:9001").doesNotContainKey("FETCH_ALLOW_CIDRS");
    }

    @Test
    void theServersUpNamesAreAdded() {
        Map<String, String> env = FunctionEnvironment.of(LOCAL, "whsec_x", 9001, Map.of("FETCH_ALLOW_ORIGINS", "127.0.0.1:4567"));

        assertThat(env).containsEntry("FETCH_ALLOW_ORIGINS", "127.0.0.1:9001,[::1]:9001,127.0.0.1:4567");
        assertThat(LocalOptions.parse(new String[0], Map.of("FETCH_ALLOW_ORIGINS", "127.0.0.1:1")).allowingDownloadsFrom(4567)
                .environment()).containsEntry("FETCH_ALLOW_ORIGINS", "127.0.0.1:1,127.0.0.1:4567");
    }
}
