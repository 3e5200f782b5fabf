package io.mediasync.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A typed collection over a real-protocol MongoDB: the record's own names are what is stored. */
class RecordCodecTest {

    record Fruit(String name, int seeds) {
        static final RecordCodec<Fruit> CODEC = RecordCodec.of(Fruit.class,
                d -> new Fruit(d.getString("fruit_name"), d.getInteger("seedCount", 0)),
                f -> new Document("fruit_name", f.name()).append("seedCount", f.seeds()));
    }

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> documents;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        documents = client.getDatabase("db").getCollection("fruits");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRecordIsStoredUnderItsOwnNamesAndReadBack() {
        MongoCollection<Fruit> fruits = Fruit.CODEC.typed(documents);

        fruits.insertOne(new Fruit("apple", 5));

        Document stored = documents.find().first();
        assertThat(stored.getString("fruit_name")).isEqualTo("apple");
        assertThat(stored.getInteger("seedCount")).isEqualTo(5);
        assertThat(fruits.find().first()).isEqualTo(new Fruit("apple", 5));
    }

    @Test
    void aReadOnlyRecordReadsWhatWasWrittenFieldByFieldAndRefusesAWholeInsert() {
        RecordCodec<Fruit> readOnly = RecordCodec.readOnly(Fruit.class, d -> new Fruit(d.getString("fruit_name"), 0));
        documents.insertOne(new Document("fruit_name", "pear"));
        MongoCollection<Fruit> fruits = readOnly.typed(documents);

        assertThat(fruits.find().first()).isEqualTo(new Fruit("pear", 0));
        assertThatThrownBy(() -> fruits.insertOne(new Fruit("fig", 1)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("written field by field");
    }
}
