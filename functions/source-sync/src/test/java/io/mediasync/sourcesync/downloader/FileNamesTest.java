package io.mediasync.sourcesync.downloader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void pathTraversalKeepsOnlyTheLastElement() {
        assertThat(FileNames.sanitize("../../etc/passwd", "image/jpeg")).isEqualTo("passwd.jpg");
        assertThat(FileNames.sanitize("..\\..\\windows\\win.ini", null)).isEqualTo("win.ini");
        assertThat(FileNames.choose("http://h/img/..%2F..%2Fetc%2Fshadow.jpg", null, "image/jpeg")).isEqualTo("shadow.jpg");
        assertThat(FileNames.sanitize("..", "image/png")).isEqualTo("file.png");
        assertThat(FileNames.sanitize(".hidden.jpg", null)).isEqualTo("hidden.jpg");
    }

    @Test
    void contentDispositionWinsOverTheUrl() {
        assertThat(FileNames.choose("http://h/download?id=5", "attachment; filename=\"../../etc/passwd\"", "image/jpeg"))
                .isEqualTo("passwd.jpg");
        assertThat(FileNames.choose("http://h/x", "attachment; filename*=UTF-8''caf%C3%A9%20photo.png", "image/png"))
                .isEqualTo("cafe_photo.png");
        assertThat(FileNames.choose("http://h/dl/photo.webp?size=big", "inline", "image/webp")).isEqualTo("photo.webp");
        assertThat(FileNames.choose("http://h/", null, "image/gif")).isEqualTo("file.gif");
    }

    @Test
    void brokenOrHugeDispositionsStillGiveASafeName() {
        assertThat(FileNames.choose("http://h/x.jpg", "attachment; filename*=UTF-8''%zz.jpg", "image/jpeg")).isEqualTo("zz.jpg");
        String quoted = "attachment; filename=\"" + "a\\\"".repeat(700) + "b".repeat(2000) + ".jpg\"";
        assertThat(FileNames.choose("http://h/x.jpg", quoted, "image/jpeg")).hasSizeLessThanOrEqualTo(FileNames.MAX_LENGTH)
                .matches("[A-Za-z0-9._-]+");
        String enormous = "attachment; filename=\"" + "c".repeat(1_000_000) + ".png\"";
        assertThat(FileNames.choose("http://h/x.png", enormous, "image/png")).hasSize(FileNames.MAX_LENGTH);
    }

    @Test
    void controlCharactersReservedNamesAndLength() {
        assertThat(FileNames.sanitize("a\u0000b\nc\u007f.jpg", null)).isEqualTo("a_b_c_.jpg");
        assertThat(FileNames.sanitize("CON.jpg", null)).isEqualTo("_CON.jpg");
        assertThat(FileNames.sanitize("nul", "image/png")).isEqualTo("_nul.png");
        String longName = "x".repeat(300) + ".jpeg";
        assertThat(FileNames.sanitize(longName, null)).hasSize(FileNames.MAX_LENGTH).endsWith(".jpeg");
        assertThat(FileNames.sanitize("my photo (1).JPG", null)).isEqualTo("my_photo_1_.JPG");
    }

    @Test
    void collisionSuffixIsAStableHashOfTheRemoteId() {
        String a = FileNames.withSuffix("g1.jpg", "url:http://h/a/g1.jpg", 8);
        assertThat(a).matches("g1-[0-9a-f]{8}\\.jpg").isEqualTo(FileNames.withSuffix("g1.jpg", "url:http://h/a/g1.jpg", 8));
        assertThat(a).isNotEqualTo(FileNames.withSuffix("g1.jpg", "url:http://h/b/g1.jpg", 8));
        assertThat(FileNames.withSuffix("y".repeat(200) + ".png", "id", 16)).hasSize(FileNames.MAX_LENGTH).endsWith(".png");
    }
}
