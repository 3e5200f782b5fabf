package io.mediasync.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mediasync.testsupport.time.TestClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lease on a real-protocol MongoDB (mongo-java-server on loopback), with time moved by the test. */
class LeaseTest {

    private static final Duration TTL = Duration.ofMinutes(5);

    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> documents;
    private Lease lease;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        documents = client.getDatabase("db").getCollection("leases");
        lease = new Lease(documents, clock);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aLeaseOfItsOwnIsCreatedByTheFirstTakerAndRefusedToTheSecond() {
        Optional<Document> first = lease.acquire("run", "run-1", TTL, new Document(), Updates.set("trigger", "api"), true);

        assertThat(first).hasValueSatisfying(d -> {
            assertThat(d.getString(Lease.HOLDER)).isEqualTo("run-1");
            assertThat(d.getDate(Lease.UNTIL)).isEqualTo(Date.from(Instant.parse("2026-12-07T10:05:00Z")));
            assertThat(d.getString("trigger")).isEqualTo("api");
        });
        assertThat(lease.acquire("run", "run-2", TTL, new Document(), new Document(), true)).isEmpty();
        assertThat(lease.holder("run")).contains("run-1");
    }

    @Test
    void aLeaseThatRanOutIsTakenOverAndTheOldHolderCanNoLongerTouchIt() {
        lease.acquire("run", "run-1", TTL, new Document(), new Document(), true);
        clock.advance(TTL.plusMillis(1));

        assertThat(lease.holder("run")).isEmpty();
        assertThat(lease.acquire("run", "run-2", TTL, new Document(), new Document(), true)).isPresent();
        assertThat(lease.renew("run", "run-1", TTL)).isFalse();
        assertThat(lease.release("run", "run-1")).isFalse();
        assertThat(lease.holder("run")).contains("run-2");
    }

    @Test
    void aLeaseIsHeldUpToItsLastMillisecond() {
        lease.acquire("run", "run-1", TTL, new Document(), new Document(), true);
        clock.advance(TTL);

        assertThat(lease.acquire("run", "run-2", TTL, new Document(), new Document(), true)).isEmpty();
        assertThat(lease.holder("run")).contains("run-1");
    }

    @Test
    void renewingMovesTheEndFromNow() {
        lease.acquire("run", "run-1", TTL, new Document(), new Document(), true);
        clock.advance(Duration.ofMinutes(4));

        assertThat(lease.renew("run", "run-1", TTL)).isTrue();
        clock.advance(Duration.ofMinutes(4));
        assertThat(lease.acquire("run", "run-2", TTL, new Document(), new Document(), true)).isEmpty();
        assertThat(documents.find().first().getDate(Lease.UNTIL)).isEqualTo(Date.from(Instant.parse("2026-12-07T10:09:00Z")));
    }

    @Test
    void releasingFreesItAtOnce() {
        lease.acquire("run", "run-1", TTL, new Document(), new Document(), true);

        assertThat(lease.release("run", "run-1")).isTrue();
        assertThat(lease.holder("run")).isEmpty();
        assertThat(lease.acquire("run", "run-2", TTL, new Document(), new Document(), true)).isPresent();
    }

    @Test
    void handingOverFreesItAndWritesTheSuccessorsStartInOneUpdate() {
        documents.insertOne(new Document("_id", "r1").append("seq", 1L));
        lease.acquire("r1", "seq-1", TTL);

        assertThat(lease.handOver("r1", "seq-1", Updates.set("seq", 2L))).isTrue();
        assertThat(documents.find().first()).isEqualTo(new Document("_id", "r1").append("seq", 2L));
        assertThat(lease.acquire("r1", "seq-1", TTL, Filters.lte("seq", 1L), new Document(), false)).isEmpty();
        assertThat(lease.acquire("r1", "seq-2", TTL, Filters.lte("seq", 2L), new Document(), false)).isPresent();
    }

    @Test
    void aLeaseOnAnExistingRecordNeverCreatesOne() {
        assertThat(lease.acquire("missing", "seq-1", TTL)).isEmpty();
        assertThat(documents.countDocuments()).isZero();
    }
}
