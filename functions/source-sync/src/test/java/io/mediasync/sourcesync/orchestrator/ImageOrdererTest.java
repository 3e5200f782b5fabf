package io.mediasync.sourcesync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ImageOrdererTest {

    @Test
    void s3UrlsSurviveTheResizersUriParsing() {
        String url = ImageOrderer.s3Url("mediasync-content", "content/summer 2024/café/a-b_c.jpg");
        assertThat(url).isEqualTo("s3://mediasync-content/content/summer%202024/caf%C3%A9/a-b_c.jpg");
        URI uri = URI.create(url); // what the resizer does
        assertThat(uri.getHost()).isEqualTo("mediasync-content");
        assertThat(uri.getPath().substring(1)).isEqualTo("content/summer 2024/café/a-b_c.jpg");
        assertThat(ImageOrderer.s3Url("b", "content/p/x.jpg")).isEqualTo("s3://b/content/p/x.jpg");
    }
}
