package io.mediasync.resync.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResyncModelTest {

    @Test
    void theSeedsCollectionsAndTheEpisodesRelation() {
        ResyncModel model = ResyncModel.parse("channels=channels,episodes=episodes", "episodes.channel_id->channels");
        assertThat(model.names()).containsExactly("channels", "episodes");
        assertThat(model.parentOf("episodes")).contains(new Relation("episodes", "channel_id", "channels"));
        assertThat(model.childrenOf("channels")).containsExactly(new Relation("episodes", "channel_id", "channels"));
        assertThat(model.parentOf("channels")).isEmpty();
    }

    @Test
    void mongoNamesDefaultToTheirName() {
        assertThat(ResyncModel.parse("channels=tv_channels, clips", "").mongoName("clips")).isEqualTo("clips");
        assertThat(ResyncModel.parse("channels=tv_channels, clips", "").mongoName("channels")).isEqualTo("tv_channels");
    }

    @Test
    void mistakesFailAtStartWithTheirReason() {
        assertThatThrownBy(() -> ResyncModel.parse("", "")).hasMessageContaining("names no collection");
        assertThatThrownBy(() -> ResyncModel.parse("a b", "")).hasMessageContaining("is not a name");
        assertThatThrownBy(() -> ResyncModel.parse("a,a", "")).hasMessageContaining("twice");
        assertThatThrownBy(() -> ResyncModel.parse("a,b", "a.x->c")).hasMessageContaining("does not list");
        assertThatThrownBy(() -> ResyncModel.parse("a,b", "a->b")).hasMessageContaining("is not child.referenceField->parent");
        assertThatThrownBy(() -> ResyncModel.parse("a,b,c", "a.x->b,a.y->c")).hasMessageContaining("two parents");
        assertThatThrownBy(() -> ResyncModel.parse("a,b", "a.x->b,b.y->a")).hasMessageContaining("inherits from itself");
        assertThatThrownBy(() -> ResyncModel.parse("a,b", "a.image_url->b")).hasMessageContaining("image field");
    }
}
