package io.mediasync.resync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Indexes;
import io.mediasync.common.failure.RecordStatus;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records of the previous version, stored under its snake_case names, read as the current ones after the start-up rename. */
class RenamedFieldsTest {

    private static final Date AT = Date.from(MemoryMongo.NOW);

    private MemoryMongo mongo;

    @BeforeEach
    void start() {
        mongo = new MemoryMongo();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aRowARunAndAMessageRecordOfThePreviousVersionAreReadWhole() {
        mongo.db().getCollection("resync_storage").createIndex(Indexes.ascending("run_id"));
        mongo.db().getCollection("resync_storage").insertOne(new Document("_id", "channels|\"c1\"").append("collection", "channels")
                .append("doc_id", "c1").append("reason", "new").append("related_to", "episodes|\"e1\"").append("run_id", "channels-1")
                .append("provided_by", "channels-1").append("provided_at", AT).append("created_at", AT));
        mongo.db().getCollection("resync_runs").insertOne(new Document("_id", "channels-1").append("collection", "channels")
                .append("phase", "executing").append("scheduled_time", AT).append("lease_until", AT)
                .append("counts", new Document("moved_on", 3)));
        mongo.db().getCollection("resync_messages").insertOne(new Document("_id", "m-1").append("run_id", "channels-1")
                .append("status", "retrying"));

        assertThat(RenamedFields.apply(mongo.db(), MemoryMongo.CONFIG)).isEqualTo(3);

        StorageRow row = StorageRow.read(mongo.db().getCollection("resync_storage").find().first());
        assertThat(row.docId()).isEqualTo("c1");
        assertThat(row.relatedTo()).isEqualTo("episodes|\"e1\"");
        assertThat(row.runId()).isEqualTo("channels-1");
        assertThat(row.providedBy()).isEqualTo("channels-1");
        assertThat(row.providedAt()).isEqualTo(AT);
        assertThat(row.createdAt()).isEqualTo(AT);
        ResyncRun run = ResyncRun.read(mongo.db().getCollection("resync_runs").find().first());
        assertThat(run.scheduledTime()).isEqualTo(AT);
        assertThat(run.leaseUntil()).isEqualTo(AT);
        assertThat(mongo.db().getCollection("resync_runs").find().first().get("counts", Document.class))
                .isEqualTo(new Document(RunCount.MOVED_ON.value(), 3));
        MessageRecord message = MessageRecord.read(mongo.db().getCollection("resync_messages").find().first());
        assertThat(message.runId()).isEqualTo("channels-1");
        assertThat(message.status()).isEqualTo(RecordStatus.RETRYING);
        List<String> indexes = mongo.db().getCollection("resync_storage").listIndexes().map(i -> i.getString("name")).into(new ArrayList<>());
        assertThat(indexes).containsExactly("_id_");
    }

    @Test
    void aSecondStartFindsNothingLeftToRename() {
        mongo.db().getCollection("resync_storage").insertOne(new Document("_id", "channels|\"c1\"").append("doc_id", "c1"));

        assertThat(RenamedFields.apply(mongo.db(), MemoryMongo.CONFIG)).isEqualTo(1);
        assertThat(RenamedFields.apply(mongo.db(), MemoryMongo.CONFIG)).isZero();
    }
}
