package io.mediasync.resync;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A third collection and relation by configuration alone: clips show their episode's images, episodes their
 * channel's; a channel's new image reaches the clips through the episodes. The MongoDB collection names are
 * configured too.
 */
@QuarkusTest
@TestProfile(ThirdCollectionTest.WithClips.class)
class ThirdCollectionTest extends ResyncTestSupport {

    public static class WithClips implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mediasync.resync.collections", "channels=tv_channels,episodes,clips",
                    "mediasync.resync.relations", "episodes.channel_id->channels,clips.episode_id->episodes");
        }
    }


    @Test
    void aChannelsImageReachesTheClipsOfItsEpisodes() throws Exception {
        reset("tv_channels", "episodes", "clips");
        collection("tv_channels").insertOne(new Document("_id", "c").append("image_url", images.image("/c.jpg")));
        collection("episodes").insertOne(new Document("_id", "e").append("channel_id", "c"));
        collection("clips").insertOne(new Document("_id", "k").append("episode_id", "e"));
        collection("clips").insertOne(new Document("_id", "own").append("episode_id", "e").append("itunes_image", images.image("/k.jpg")));

        run("{\"collection\": \"channels\"}");
        run("{\"collection\": \"clips\"}");
        settle();
        Document channel = collection("tv_channels").find(Filters.eq("_id", "c")).first();
        Document clip = collection("clips").find(Filters.eq("_id", "k")).first();
        assertThat(clip.get("image_url_info")).isNotNull().isEqualTo(channel.get("image_url_info"));
        assertThat(clip.get("image_resync", Document.class).get("image_url", Document.class).get("inherited_from")).isEqualTo("e");
        Document own = collection("clips").find(Filters.eq("_id", "own")).first();
        assertThat(own.get("itunes_image_info")).isNotNull();
        assertThat(own).doesNotContainKey("image_url_info");

        collection("tv_channels").updateOne(Filters.eq("_id", "c"), Updates.combine(Updates.set("image_url", images.image("/c2.jpg")),
                Updates.set("updatedAt", new Date())));
        run("{\"collection\": \"channels\"}");
        settle();
        Document changed = collection("tv_channels").find(Filters.eq("_id", "c")).first();
        assertThat(collection("clips").find(Filters.eq("_id", "k")).first().get("image_url_info")).isEqualTo(changed.get("image_url_info"));
        assertThat(collection("resync_storage").countDocuments()).isZero();
    }
}
