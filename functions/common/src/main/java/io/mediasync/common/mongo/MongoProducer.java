package io.mediasync.common.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.mediasync.common.secrets.Secrets;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * The functions' one MongoDB client: the plain synchronous driver, not quarkus-mongodb-client, whose reactive
 * client brings Vert.x, Netty and Mutiny's bindings (about 7 MB of every package, and Vert.x booted at every cold
 * start) for nothing the functions call. Created when first injected, closed at shutdown.
 *
 * <p>Native image: the driver (5.x) ships its own reachability metadata (META-INF/native-image in bson and
 * mongodb-driver-core: reflection, run-time initialisation of ObjectId, DNS and compressor classes, a Unix
 * socket substitution), which stands in for what Quarkus' extension registered; its default codecs cover what
 * the functions store (Document, records, java.time), so no POJO codec is needed. What it does not cover is
 * {@code mongodb+srv://}: the driver looks SRV and TXT records up through JNDI's DNS provider, which Quarkus
 * switches off unless {@code quarkus.naming.enable-jndi=true} (set in every function's application.properties),
 * and which JNDI instantiates by name: the two factories below. Not built here (no GraalVM): a native
 * deployment that cannot resolve SRV records can give the seed list form,
 * {@code mongodb://host1,host2,host3/?replicaSet=…&tls=true}.
 */
@Singleton
@RegisterForReflection(classNames = {"com.sun.jndi.dns.DnsContextFactory", "com.sun.jndi.url.dns.dnsURLContextFactory"})
public class MongoProducer {

    /**
     * The connection string is read once per execution environment: the driver authenticates every connection it
     * opens with the credentials it was built with, so a rotated password reaches a running environment only when
     * Lambda recycles it. Rotate with Secrets Manager's alternating-users scheme (infra/README.md): the previous
     * user stays valid while environments that read it still run.
     */
    @Produces
    @Singleton
    MongoClient client(MongoConfig config, Secrets secrets) {
        return MongoClients.create(settings(config, connectionString(config, secrets)));
    }

    /** MONGO_URL_SECRET_ARN's value when it is set, else MONGO_URL. */
    static String connectionString(MongoConfig config, Secrets secrets) {
        return secrets.readOnce(config.connectionStringSecretArn(), config.connectionString());
    }

    void close(@Disposes MongoClient client) {
        client.close();
    }

    @Produces
    @Singleton
    MongoDatabase database(MongoClient client, MongoConfig config) {
        return client.getDatabase(config.database());
    }

    /** The connection string first, then the three timeouts the functions rely on to fail (not hang): they win over it. */
    static MongoClientSettings settings(MongoConfig config, String connectionString) {
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(config.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(config.socketTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .build();
    }
}
