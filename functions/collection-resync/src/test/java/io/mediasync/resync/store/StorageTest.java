package io.mediasync.resync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sync storage's rows as they are stored, and read back typed. */
class StorageTest {

    static final Date NOW = Date.from(MemoryMongo.NOW);

    private MemoryMongo mongo;
    private Storage storage;
    private MongoCollection<Document> rows;

    @BeforeEach
    void start() {
        mongo = new MemoryMongo();
        storage = new Storage(mongo.db(), MemoryMongo.CONFIG);
        rows = mongo.db().getCollection("resync_storage");
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aProvidedRowIsStoredUnderTheSystemsCamelCaseNames() {
        storage.provide(List.of(new ProvidedRow("episodes", "ep", "related", "channels|1", false)), "channels-1", NOW);

        // equal as a map: the server orders the upsert's fields as it likes
        assertThat(rows.find().first()).isEqualTo(Document.parse("{\"_id\": \"episodes|\\\"ep\\\"\", \"collection\": \"episodes\", "
                + "\"docId\": \"ep\", \"reason\": \"related\", \"runId\": \"channels-1\", \"providedAt\": {\"$date\": \"2026-12-07T04:00:00Z\"}, "
                + "\"providedBy\": \"channels-1\", \"createdAt\": {\"$date\": \"2026-12-07T04:00:00Z\"}, \"relatedTo\": \"channels|1\"}"));
        assertThat(storage.find("episodes|\"ep\"")).contains(new StorageRow("episodes|\"ep\"", "episodes", "ep", "related",
                "channels|1", false, "channels-1", "channels-1", NOW, NOW, null));
        assertThat(storage.anyOf("channels-1")).isTrue();
    }

    @Test
    void aRowIsClaimedOnceAndItsOrderReadBackTyped() {
        storage.provide(List.of(new ProvidedRow("channels", 1, "new", null, true)), "channels-1", NOW);
        StorageRow row = storage.page("channels", null, 10).get(0);
        StorageRow.Order order = new StorageRow.Order("h", "t-1", "channels-1", NOW, Map.of("image_url", "https://img.example/1.jpg"),
                1, false, null);

        Set<String> won = storage.claim(List.of(new Storage.Claim(row, order)));
        Set<String> again = storage.claim(List.of(new Storage.Claim(row, new StorageRow.Order("h", "t-2", "channels-2", NOW,
                Map.of("image_url", "https://img.example/1.jpg"), 1, false, null))));
        storage.markSent(Map.of(row.key(), "t-1"));

        assertThat(won).containsExactly("channels|1");
        assertThat(again).as("read before the first claim: the row's order is no longer the one read").isEmpty();
        StorageRow claimed = storage.find("channels|1").orElseThrow();
        assertThat(claimed.ordered()).isEqualTo(new StorageRow.Order("h", "t-1", "channels-1", NOW,
                Map.of("image_url", "https://img.example/1.jpg"), 1, true, null));
        assertThat(claimed.force()).isTrue();
        assertThat(storage.removeAsRead(row)).as("claimed since it was read").isFalse();
        assertThat(storage.removeAsRead(claimed)).isTrue();
    }
}
