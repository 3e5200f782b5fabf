package io.mediasync.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Renames on a real-protocol MongoDB (mongo-java-server on loopback). */
class FieldRenamesTest {

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> rows;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        rows = client.getDatabase("db").getCollection("rows");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void oldNamesBecomeTheNewOnesNestedOnesIncludedAndNewDocumentsAreLeftAlone() {
        rows.insertMany(List.of(
                new Document("_id", 1).append("doc_id", "a").append("counts", new Document("moved_on", 2)),
                new Document("_id", 2).append("doc_id", "b"),
                new Document("_id", 3).append("docId", "c").append("counts", new Document("movedOn", 1))));
        Map<String, String> renames = new LinkedHashMap<>();
        renames.put("doc_id", "docId");
        renames.put("counts.moved_on", "counts.movedOn");

        assertThat(FieldRenames.apply(rows, renames)).isEqualTo(2);

        assertThat(rows.find().sort(Sorts.ascending("_id")).into(new ArrayList<>())).containsExactly(
                new Document("_id", 1).append("counts", new Document("movedOn", 2)).append("docId", "a"),
                new Document("_id", 2).append("docId", "b"),
                new Document("_id", 3).append("docId", "c").append("counts", new Document("movedOn", 1)));
        assertThat(FieldRenames.apply(rows, renames)).isZero();
    }
}
