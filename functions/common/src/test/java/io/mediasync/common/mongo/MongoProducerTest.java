package io.mediasync.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MongoProducerTest {

    @Test
    void theClientFailsFastAndUsesNeitherClientSideEncryptionNorNettyWhichTheNativeSubstitutionsLeaveOut() {
        MongoClientSettings settings = MongoProducer.settings(config("unused", Optional.empty()), "mongodb://db.test:27018/?appName=fn");

        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2_000);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(3_000);
        assertThat(settings.getApplicationName()).isEqualTo("fn");
        // io.mediasync.common.nativeimage: MongoClusterImpl.getCrypt() is null and the Netty transport unused
        assertThat(settings.getAutoEncryptionSettings()).isNull();
        assertThat(settings.getTransportSettings()).isNull();
    }

    static MongoConfig config(String url, Optional<String> secretArn) {
        return new MongoConfig() {
            @Override
            public String connectionString() {
                return url;
            }

            @Override
            public Optional<String> connectionStringSecretArn() {
                return secretArn;
            }

            @Override
            public String database() {
                return "db";
            }

            @Override
            public Duration serverSelectionTimeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(3);
            }
        };
    }
}
