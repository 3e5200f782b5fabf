package io.mediasync.common.postback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.net.AddressPolicy;
import io.mediasync.common.net.FetchLimits;
import io.mediasync.common.net.HostResolver;
import io.mediasync.common.net.SafeHttpClient;
import io.mediasync.common.secrets.CachedSecret;
import io.mediasync.common.secrets.SecretReader;
import io.mediasync.common.secrets.SecretsManagerClients;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.PostbackReceiver;
import io.mediasync.testsupport.PostbackReceiver.Received;
import io.mediasync.testsupport.SecretsManagerStub;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * POSTBACK_SECRET_ARN: the master secret is read from Secrets Manager (the SDK against a server speaking its protocol on
 * loopback) at each postback through the cache, so a rotated master signs the postbacks once the time to live has
 * passed; without a readable secret nothing is sent, signed or not.
 */
class PostbackSecretRotationTest {

    static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:mediasync/dev/postback-secret-AbCdEf";

    private final SecretsManagerStub secretsManager = new SecretsManagerStub();
    private final SecretsManagerClient client = SecretsManagerClients.create(Optional.of(secretsManager.endpoint().toString()),
            Duration.ofSeconds(5));
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));
    private final HttpFixture web = new HttpFixture();
    private final PostbackReceiver receiver = web.receiver("/hook");
    private final SafeHttpClient http = new SafeHttpClient(AddressPolicy.defaults().allowing(List.of("127.0.0.0/8")), HostResolver.system(),
            new FetchLimits(Duration.ofSeconds(5), Duration.ofSeconds(5), 65536, 0), "mediasync-test/1.0");
    private final PostbackSender sender = new PostbackSender(http,
            Optional.of(new CachedSecret(new SecretReader(client), ARN, Duration.ofMinutes(5), now::get)), PostbackKind.ORDER_RESULT);

    @AfterEach
    void stop() throws Exception {
        http.close();
        web.close();
        client.close();
        secretsManager.close();
    }

    private void verify(String master, Received postback) throws WebhookVerificationException {
        List<String> receiverSecrets = new ReceiverSecrets(master).secretsFor(URI.create(web.url("/hook")), PostbackKind.ORDER_RESULT);
        new WebhookVerifier(receiverSecrets).verify(postback.headers(), postback.body());
    }

    @Test
    void aRotatedMasterSecretSignsThePostbacksOnceTheTimeToLiveHasPassed() throws Exception {
        String first = WebhookSigner.generateSecret();
        String second = WebhookSigner.generateSecret();
        secretsManager.put(ARN, first);

        sender.send(web.url("/hook"), "msg_1", "{\"n\":1}", Deadline.in(Duration.ofSeconds(10)));
        secretsManager.put(ARN, second); // rotated
        sender.send(web.url("/hook"), "msg_2", "{\"n\":2}", Deadline.in(Duration.ofSeconds(10)));
        now.set(now.get().plus(Duration.ofMinutes(5)));
        sender.send(web.url("/hook"), "msg_3", "{\"n\":3}", Deadline.in(Duration.ofSeconds(10)));

        List<Received> got = receiver.await(3, Duration.ofSeconds(10));
        assertThat(got).hasSize(3);
        verify(first, got.get(0));
        verify(first, got.get(1)); // within the time to live the value read first is used
        verify(second, got.get(2));
        assertThatThrownBy(() -> verify(first, got.get(2))).isInstanceOf(WebhookVerificationException.class);
        assertThat(secretsManager.reads()).containsExactly(ARN, ARN);
    }

    @Test
    void withoutItsSecretAPostbackIsNotSentAndIsRetried() {
        PostbackFailure failure = catchThrowableOfType(PostbackFailure.class,
                () -> sender.send(web.url("/hook"), "msg_1", "{\"n\":1}", Deadline.in(Duration.ofSeconds(10))));

        assertThat(failure.code()).isEqualTo("postback_secret_unavailable");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessage("secret " + ARN + " not readable: ResourceNotFoundException");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aMalformedSecretIsReportedWithoutItsValue() {
        secretsManager.put(ARN, "not-a-webhook-secret");

        PostbackFailure failure = catchThrowableOfType(PostbackFailure.class,
                () -> sender.send(web.url("/hook"), "msg_1", "{\"n\":1}", Deadline.in(Duration.ofSeconds(10))));

        assertThat(failure.code()).isEqualTo("postback_secret_invalid");
        assertThat(failure.getMessage()).doesNotContain("not-a-webhook-secret");
        assertThat(receiver.received()).isEmpty();
    }
}
