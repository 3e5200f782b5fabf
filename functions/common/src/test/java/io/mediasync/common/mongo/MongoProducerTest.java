package io.mediasync.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MongoProducerTest {

    @Test
    void theClientFailsFastAndUsesNeitherClientSideEncryptionNorNettyWhichTheNativeSubstitutionsLeaveOut() {
        String url = "mongodb://db.test:27018/?appName=fn&socketTimeoutMS=0";
        MongoClientSettings settings = MongoProducer.settings(new MongoSettings(url, Optional.empty(), "db", Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofSeconds(4)), url);

        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2_000);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(3_000);
        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).as("wins over the URL's 0 (never)")
                .isEqualTo(4_000);
        assertThat(settings.getApplicationName()).isEqualTo("fn");
        // io.mediasync.common.nativeimage: MongoClusterImpl.getCrypt() is null and the Netty transport unused
        assertThat(settings.getAutoEncryptionSettings()).isNull();
        assertThat(settings.getTransportSettings()).isNull();
    }

    @Test
    void everyTimeoutHasItsDefaultAndItsVariable() {
        Map<String, String> required = Map.of("mediasync.mongo.connection-string", "mongodb://db.test", "mediasync.mongo.database", "db");

        MongoConfig defaults = mapped(required);
        assertThat(defaults.serverSelectionTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.socketTimeout()).isEqualTo(Duration.ofSeconds(10));

        MongoConfig set = mapped(Map.of("mediasync.mongo.connection-string", "mongodb://db.test", "mediasync.mongo.database", "db",
                "MONGO_SERVER_SELECTION_TIMEOUT", "7S", "MONGO_CONNECT_TIMEOUT", "PT3S", "MONGO_SOCKET_TIMEOUT", "20S"));
        assertThat(set.serverSelectionTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(set.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(set.socketTimeout()).isEqualTo(Duration.ofSeconds(20));
    }

    /** A configuration with the given URL and secret and the default timeouts. */
    static MongoConfig config(String url, Optional<String> secretArn) {
        return new MongoSettings(url, secretArn, "db", Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    /** The mapping as Quarkus reads it: its duration format ("5S"), expressions expanded from any config source. */
    private static MongoConfig mapped(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(MongoConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return config.getConfigMapping(MongoConfig.class);
    }
}
