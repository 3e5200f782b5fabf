package io.mediasync.sourcesync;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Removals: only the contents and thumbnails the registry says are gone, never what another file still shows. */
@QuarkusTest
@TestProfile(OrchestratorFixture.Orchestrator.class)
class OrchestratorCleanupTest extends OrchestratorFixture {

    @Test
    void thumbnailsAreRemovedOnlyForContentsTheRegistrySaysWereReplaced() {
        putSource(mongo, newSource(8111, "https://example.com/feed", "p/"));
        String old = sha("8111-old");
        String current = sha("8111-new");
        String other = sha("8111-other-file");
        Document file = registered(8111, "cover.jpg", "image/jpeg", current);
        registered(8111, "unrelated.jpg", "image/jpeg", other);
        collection(mongo, "files").updateOne(Filters.eq("_id", file.getObjectId("_id")),
                new Document("$set", new Document("replacedSha256", List.of(old)).append("previousSha256", old)));
        List<String> oldThumbs = thumbnails(8111, old);
        List<String> otherThumbs = thumbnails(8111, other);

        // the event claims another file's content was replaced: the registry says old was
        assertThat(deliver(DOWNLOADED, "{\"source_id\": 8111, \"filename\": \"cover.jpg\", \"previous_sha256\": \"" + other + "\"}"))
                .isEmpty();

        assertThat(oldThumbs).allSatisfy(k -> assertThat(exists(RESIZED_BUCKET, k)).as(k).isFalse());
        assertThat(otherThumbs).allSatisfy(k -> assertThat(exists(RESIZED_BUCKET, k)).as(k).isTrue());
        Document after = collection(mongo, "files").find(Filters.eq("_id", file.getObjectId("_id"))).first();
        assertThat(after.getList("replacedSha256", String.class)).isEmpty();
    }

    @Test
    void aFileEventNeverRemovesWhatTheRegistryKeepsLive() {
        putSource(mongo, newSource(8112, "https://example.com/feed", "p/"));
        Document live = registered(8112, "live.jpg", "image/jpeg", sha("8112-live"));
        putObject(s3, CONTENT_BUCKET, live.getString("key"), new byte[] {1}, Map.of("sha256", live.getString("sha256")));
        List<String> thumbs = thumbnails(8112, live.getString("sha256"));

        assertThat(deliver(DELETED, "{\"source_id\": 8112, \"filename\": \"live.jpg\"}")).isEmpty();

        assertThat(exists(CONTENT_BUCKET, live.getString("key"))).isTrue();
        assertThat(thumbs).allSatisfy(k -> assertThat(exists(RESIZED_BUCKET, k)).isTrue());
    }

    @Test
    void deletedFileLosesItsContentButKeepsThumbnailsAnotherFileShares() {
        putSource(mongo, newSource(8107, "https://example.com/feed", "p/"));
        String shared = sha("8107-shared");
        String own = sha("8107-own");
        Document gone = registered(8107, "gone.jpg", "image/jpeg", shared);
        registered(8107, "twin.jpg", "image/jpeg", shared);
        Document alone = registered(8107, "alone.jpg", "image/jpeg", own);
        for (Document f : List.of(gone, alone)) {
            collection(mongo, "files").updateOne(Filters.eq("_id", f.getObjectId("_id")),
                    new Document("$set", new Document("deleted", true).append("deleteAnnounced", true)));
            putObject(s3, CONTENT_BUCKET, f.getString("key"), new byte[] {1}, Map.of("sha256", f.getString("sha256")));
        }
        List<String> sharedThumbs = thumbnails(8107, shared);
        List<String> ownThumbs = thumbnails(8107, own);

        assertThat(deliver(DELETED, "{\"source_id\": 8107, \"filename\": \"gone.jpg\"}",
                "{\"source_id\": 8107, \"filename\": \"alone.jpg\"}")).isEmpty();

        assertThat(sharedThumbs).allSatisfy(k -> assertThat(exists(RESIZED_BUCKET, k)).as("shared with twin.jpg").isTrue());
        assertThat(ownThumbs).allSatisfy(k -> assertThat(exists(RESIZED_BUCKET, k)).isFalse());
        assertThat(exists(CONTENT_BUCKET, gone.getString("key"))).isFalse();
        assertThat(exists(CONTENT_BUCKET, alone.getString("key"))).isFalse();
        Document marked = collection(mongo, "files").find(Filters.eq("_id", alone.getObjectId("_id"))).first();
        assertThat(marked.get("thumbnailsRemovedAt")).isNotNull();
        assertThat(marked.getList("thumbnailsRemoved", String.class)).containsExactlyInAnyOrderElementsOf(ownThumbs);
    }
}
