package io.mediasync.sourcesync.downloader.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdaptersTest {

    private final Adapters adapters = Adapters.standard();

    private static ListingPage page(String contentType, byte[] body) {
        return new ListingPage(URI.create("https://s.example/x"), contentType, body);
    }

    private static ListingPage page(String contentType, String body) {
        return page(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void chosenFromTheBytesNotTheName() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        assertThat(adapters.choose(Optional.empty(), page("application/octet-stream", png)).kind()).isEqualTo("direct");
        assertThat(adapters.choose(Optional.empty(), page("text/xml", "<?xml version='1.0'?><rss/>")).kind()).isEqualTo("feed");
        assertThat(adapters.choose(Optional.empty(), page("", "\n<feed xmlns='http://www.w3.org/2005/Atom'/>")).kind())
                .isEqualTo("feed");
        assertThat(adapters.choose(Optional.empty(), page("text/html", "<rss>in html</rss>")).kind()).isEqualTo("html");
        assertThat(adapters.choose(Optional.empty(), page(null, "<!DOCTYPE html><html></html>")).kind()).isEqualTo("html");
    }

    @Test
    void aSourceMayNameItsAdapter() throws Exception {
        assertThat(adapters.choose(Optional.of("HTML"), page("text/plain", "<img src=a.jpg>")).kind()).isEqualTo("html");
        assertThatThrownBy(() -> adapters.choose(Optional.of("instagram"), page("text/html", "x")))
                .isInstanceOfSatisfying(ListingException.class, e -> assertThat(e.code()).isEqualTo("unknown_adapter"));
    }

    @Test
    void somethingElseIsUnsupported() {
        assertThatThrownBy(() -> adapters.choose(Optional.empty(), page("application/pdf", "%PDF-1.4")))
                .isInstanceOfSatisfying(ListingException.class, e -> assertThat(e.code()).isEqualTo("unsupported_listing"));
    }

    @Test
    void trackingParametersDoNotChangeIdentity() {
        assertThat(RemoteIds.ofUrl("HTTPS://Cdn.Example/a.jpg?utm_source=x&id=5&fbclid=y#frag"))
                .isEqualTo("url:https://cdn.example/a.jpg?id=5");
        assertThat(RemoteIds.withoutTracking("https://c.example/a.jpg?utm_medium=rss")).isEqualTo("https://c.example/a.jpg");
        assertThat(RemoteIds.resolve(URI.create("https://c.example/dir/page"), "../img/a b.jpg"))
                .contains("https://c.example/img/a%20b.jpg");
        assertThat(RemoteIds.resolve(URI.create("https://c.example/"), "ftp://c.example/a.jpg")).isEmpty();
    }

    @Test
    void imageSniffing() {
        assertThat(MediaSniffer.imageType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).contains("image/jpeg");
        assertThat(MediaSniffer.imageType("GIF89a....".getBytes(StandardCharsets.US_ASCII))).contains("image/gif");
        assertThat(MediaSniffer.imageType("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).contains("image/webp");
        assertThat(MediaSniffer.imageType("<html>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(MediaSniffer.contentType("text".getBytes(StandardCharsets.US_ASCII), "Text/Plain; charset=utf-8"))
                .isEqualTo("text/plain");
        assertThat(MediaSniffer.looksLikeImageUrl("https://x/a.JPG?x=1")).isTrue();
        assertThat(MediaSniffer.looksLikeImageUrl("https://x/a.jpg/page")).isFalse();
    }
}
