package io.mediasync.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.secrets.Secrets;
import io.mediasync.common.secrets.StubbedSecrets;
import io.mediasync.testsupport.SecretsManagerStubExtension;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MONGO_URL_SECRET_ARN: the connection string (with its credentials) read from Secrets Manager, not the environment. */
class MongoUrlSecretTest {

    static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:mediasync/dev/mongo-url-AbCdEf";

    @RegisterExtension
    final SecretsManagerStubExtension<Secrets> secretsManager = StubbedSecrets.extension();

    @Test
    void theSecretsConnectionStringWinsOverMongoUrl() {
        secretsManager.stub().put(ARN, "mongodb://app:pa55@127.0.0.1:27018/?appName=from-secret");

        String url = MongoProducer.connectionString(MongoProducerTest.config("mongodb://127.0.0.1:27017", Optional.of(ARN)), secretsManager.client());

        assertThat(url).isEqualTo("mongodb://app:pa55@127.0.0.1:27018/?appName=from-secret");
        assertThat(MongoProducer.settings(MongoProducerTest.config("unused", Optional.empty()), url).getCredential().getUserName())
                .isEqualTo("app");
        assertThat(secretsManager.stub().reads()).containsExactly(ARN);
    }

    @Test
    void withoutTheArnMongoUrlIsUsedAndNothingIsRead() {
        String url = MongoProducer.connectionString(MongoProducerTest.config("mongodb://127.0.0.1:27017", Optional.empty()), secretsManager.client());

        assertThat(url).isEqualTo("mongodb://127.0.0.1:27017");
        assertThat(secretsManager.stub().reads()).isEmpty();
    }
}
