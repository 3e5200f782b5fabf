package io.mediasync.sourcesync.downloader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentKeysTest {

    @Test
    void keysAreRootPathAndName() {
        assertThat(ContentKeys.key("content", "portraits/", "a.jpg")).isEqualTo("content/portraits/a.jpg");
        assertThat(ContentKeys.key("/content/", "/galleries//summer/", "a.jpg")).isEqualTo("content/galleries/summer/a.jpg");
        assertThat(ContentKeys.key("content", "", "a.jpg")).isEqualTo("content/a.jpg");
        assertThat(ContentKeys.key("content", null, "a.jpg")).isEqualTo("content/a.jpg");
    }

    @Test
    void contentPathCannotClimbOut() {
        assertThat(ContentKeys.key("content", "../../etc/", "p.jpg")).isEqualTo("content/etc/p.jpg");
        assertThat(ContentKeys.key("content", "a/./b/../c\\d", "p.jpg")).isEqualTo("content/a/b/c/d/p.jpg");
        assertThat(ContentKeys.key("content", "x\u0000y/\n", "p.jpg")).isEqualTo("content/xy/p.jpg");
    }
}
