package io.mediasync.common.postback;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.secrets.SecretSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LegacySecretKeyTest {

    private final LegacySecretKey key = new LegacySecretKey(Optional.of(SecretSource.fixed("s3cret")), Optional.of("https://old.example.com, https://b.example:8443"));

    @Test
    void goesOnlyToAllowListedOriginsOverHttps() {
        assertThat(key.forReceiver("https://old.example.com/postback")).contains("s3cret");
        assertThat(key.forReceiver("https://b.example:8443/x")).contains("s3cret");
        assertThat(key.forReceiver("http://old.example.com/postback")).isEmpty();
        assertThat(key.forReceiver("https://b.example/x")).isEmpty();
        assertThat(key.forReceiver("https://attacker.example/old.example.com")).isEmpty();
        assertThat(key.forReceiver("not a url")).isEmpty();
    }

    @Test
    void unsetMeansNeverSent() {
        assertThat(new LegacySecretKey(Optional.empty(), Optional.of("https://old.example.com"))
                .forReceiver("https://old.example.com/p")).isEmpty();
    }
}
