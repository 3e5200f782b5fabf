package io.mediasync.resizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediasync.common.postback.PostbackKind;
import io.mediasync.common.postback.ReceiverSecrets;
import io.mediasync.common.postback.WebhookSigner;
import io.mediasync.common.postback.WebhookVerificationException;
import io.mediasync.common.postback.WebhookVerifier;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.PostbackReceiver.Received;
import io.mediasync.testsupport.SecretsManagerStub;
import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.testsupport.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POSTBACK_SECRET_ARN, the template's way: the master secret is read at run time from Secrets Manager (its protocol on
 * loopback) and wins over POSTBACK_SECRET, which the test profile also sets.
 */
@QuarkusTest
@TestProfile(PostbackSecretArnTest.FromSecretsManager.class)
class PostbackSecretArnTest extends ResizerTestSupport {

    static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:mediasync/dev/postback-secret-AbCdEf";
    static final String MASTER = WebhookSigner.generateSecret();

    public static class FromSecretsManager implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            SecretsManagerStub.shared().put(ARN, MASTER);
            return Map.of("mediasync.postback.secrets-arn", ARN,
                    "mediasync.secrets.endpoint-override", SecretsManagerStub.shared().endpoint().toString());
        }
    }

    @Test
    void postbacksAreSignedWithTheSecretFromSecretsManager() throws Exception {
        try (HttpFixture http = new HttpFixture()) {
            http.serve("/x.jpg", TestImages.jpeg(300, 200), "image/jpeg");
            var receiver = http.receiver("/pb");
            String messageId = newId();

            assertThat(failedIds(invoke(SqsEventJson.event(record(messageId, order(http.url("/x.jpg"), http.url("/pb")).toString(), 1)))))
                    .isEmpty();

            List<Received> got = receiver.await(1, Duration.ofSeconds(10));
            assertThat(got).hasSize(1);
            verifier(MASTER, http.url("/pb")).verify(got.get(0).headers(), got.get(0).body());
            assertThatThrownBy(() -> verifier("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", http.url("/pb")) // POSTBACK_SECRET in %test
                    .verify(got.get(0).headers(), got.get(0).body())).isInstanceOf(WebhookVerificationException.class);
            assertThat(SecretsManagerStub.shared().reads()).contains(ARN);
        }
    }

    private static WebhookVerifier verifier(String master, String receiver) {
        return new WebhookVerifier(new ReceiverSecrets(master).secretsFor(URI.create(receiver), PostbackKind.ORDER_RESULT));
    }
}
