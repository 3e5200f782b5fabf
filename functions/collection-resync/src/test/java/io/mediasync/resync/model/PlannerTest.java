package io.mediasync.resync.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The one rule of what a document needs, field by field. */
class PlannerTest {

    static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    final Planner planner = new Planner(ResyncModel.parse("channels,episodes", "episodes.channel_id->channels"), Duration.ofDays(7),
            Clock.fixed(NOW, ZoneOffset.UTC));

    static Document written(String url, String status, Instant at) {
        return new Document("source_url", url).append("status", status).append("at", Date.from(at));
    }

    @Test
    void aNewImageIsOrdered() {
        Planner.Plan plan = planner.plan(new Document("_id", 1).append("image_url", "https://x/a.jpg"), false);
        assertThat(plan.order()).containsExactly(java.util.Map.entry("image_url", "https://x/a.jpg"));
        assertThat(plan.reason()).isEqualTo("new");
    }

    @Test
    void aCurrentImageIsNotAndAMovedOneIs() {
        Document doc = new Document("_id", 1).append("image_url", "https://x/a.jpg").append("image_url_info", new Document("50x50", 1))
                .append("image_resync", new Document("image_url", written("https://x/a.jpg", "done", NOW)));
        assertThat(planner.plan(doc, false).changed()).isFalse();
        assertThat(planner.plan(doc, true).order()).containsKey("image_url");
        doc.put("image_url", "https://x/b.jpg");
        assertThat(planner.plan(doc, false).reason()).isEqualTo("image_changed");
        doc.put("image_url", "https://x/a.jpg");
        doc.remove("image_url_info");
        assertThat(planner.plan(doc, false).reason()).isEqualTo("info_missing");
    }

    @Test
    void aFailureWaitsForItsRetryTime() {
        Document doc = new Document("_id", 1).append("image_url", "https://x/a.jpg")
                .append("image_resync", new Document("image_url", written("https://x/a.jpg", "failed", NOW.minus(Duration.ofDays(6)))));
        assertThat(planner.plan(doc, false).changed()).isFalse();
        doc.get("image_resync", Document.class).put("image_url", written("https://x/a.jpg", "failed", NOW.minus(Duration.ofDays(8))));
        assertThat(planner.plan(doc, false).reason()).isEqualTo("retry_failed");
    }

    @Test
    void aUrlTheResizerWouldRefuseIsRecordedNotOrderedAndWhatIsLeftOverIsCleared() {
        Document doc = new Document("_id", 1).append("image_url", "ftp://x/a.jpg")
                .append("image_resync", new Document("itunes_image", written("https://x/old.jpg", "done", NOW)));
        Planner.Plan plan = planner.plan(doc, false);
        assertThat(plan.order()).isEmpty();
        assertThat(plan.badUrls()).containsKey("image_url");
        assertThat(plan.clear()).containsExactly("itunes_image");
    }

    @Test
    void anEpisodeWithoutImagesComparesWithItsChannel() {
        Document channel = new Document("_id", "c").append("image_url", "https://x/c.jpg").append("image_url_info", new Document())
                .append("image_resync", new Document("image_url", written("https://x/c.jpg", "done", NOW)));
        Document episode = new Document("_id", "e").append("channel_id", "c");
        assertThat(planner.inherits("episodes", episode)).isTrue();
        assertThat(planner.planInheriting(episode, Optional.of(channel)).copy()).isTrue();
        episode.append("image_url_info", new Document()).append("image_resync", new Document("image_url",
                written("https://x/c.jpg", "done", NOW).append("inherited_from", "c")));
        assertThat(planner.planInheriting(episode, Optional.of(channel)).copy()).isFalse();
        assertThat(planner.planInheriting(episode, Optional.empty()).copy()).as("its channel is gone").isTrue();
        assertThat(planner.inherits("episodes", new Document("_id", "e").append("channel_id", "c").append("image_url", "https://x/e.jpg")))
                .isFalse();
    }
}
