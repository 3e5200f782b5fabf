package io.mediasync.resync.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mediasync.resync.config.ResyncConfig;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** A MongoDB speaking the real protocol, in memory on loopback, for the stores' own tests; and the config they read. */
final class MemoryMongo implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** The stores' collection names as deployed, and the errors a run keeps. */
    static final ResyncConfig CONFIG = (ResyncConfig) Proxy.newProxyInstance(ResyncConfig.class.getClassLoader(),
            new Class<?>[] {ResyncConfig.class}, (proxy, method, args) -> Map.<String, Object>of("runsCollection", "resync_runs",
                    "storageCollection", "resync_storage", "messagesCollection", "resync_messages", "maxRecordedErrors", 2)
                    .get(method.getName()));

    private final MongoServer server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
    private final MongoClient client;

    MemoryMongo() {
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    MongoDatabase db() {
        return client.getDatabase("mediasync");
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
