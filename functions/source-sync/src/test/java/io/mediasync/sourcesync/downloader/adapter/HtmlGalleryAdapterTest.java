package io.mediasync.sourcesync.downloader.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlGalleryAdapterTest {

    private final HtmlGalleryAdapter adapter = new HtmlGalleryAdapter();

    private static ListingPage page(String url, String html) {
        return new ListingPage(URI.create(url), "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void imagesSrcsetLazyAndLinksAcrossPages() throws Exception {
        Map<String, String> site = Map.of("https://g.example/p2", """
                <a rel="prev" href="/p1">prev</a><img src="/a.jpg?utm_campaign=x"><img src="/c.png">
                <link rel="next" href="/p1">""");
        List<URI> fetched = new ArrayList<>();
        PageFetcher more = uri -> {
            fetched.add(uri);
            return page(uri.toString(), site.get(uri.toString()));
        };
        Listing listing = adapter.list(page("https://g.example/p1", """
                <html><head><link rel="alternate next" href="/p2"></head><body>
                <img src="/small.jpg" srcset="/small.jpg 320w, /large.jpg 1280w, /medium.jpg 640w">
                <img src="/placeholder.gif" data-src="/lazy.jpg">
                <img src="/a.jpg"><img src="data:image/png;base64,AAAA"><img src="javascript:alert(1)">
                <a href="/full/b.JPEG">full</a><a href="/about">about</a><a href="mailto:x@y">mail</a>
                </body></html>"""), more, new ListingLimits(5, 1000));
        assertThat(listing.items()).extracting(RemoteItem::url).containsExactly("https://g.example/large.jpg",
                "https://g.example/lazy.jpg", "https://g.example/a.jpg", "https://g.example/full/b.JPEG", "https://g.example/c.png");
        assertThat(listing.pages()).isEqualTo(2);
        assertThat(fetched).containsExactly(URI.create("https://g.example/p2"));
        assertThat(listing.truncated()).as("the loop back to p1 is not a missing page").isFalse();
    }

    @Test
    void pageLimitTruncates() throws Exception {
        PageFetcher more = uri -> page(uri.toString(), "<img src='/x" + uri.getPath().substring(2) + ".jpg'>"
                + "<a rel=next href='/p" + (Integer.parseInt(uri.getPath().substring(2)) + 1) + "'>next</a>");
        Listing listing = adapter.list(page("https://g.example/p1", "<img src='/x1.jpg'><a rel=next href='/p2'>n</a>"), more,
                new ListingLimits(3, 1000));
        assertThat(listing.pages()).isEqualTo(3);
        assertThat(listing.items()).hasSize(3);
        assertThat(listing.truncated()).isTrue();
    }

    @Test
    void noImagesIsAnEmptyListing() throws Exception {
        Listing listing = adapter.list(page("https://g.example/", "<p>nothing</p>"), uri -> null, new ListingLimits(5, 10));
        assertThat(listing.items()).isEmpty();
    }

    @Test
    void srcsetUrlsMayContainCommas() {
        assertThat(RemoteIds.largestOfSrcset("https://c.example/w_300,h_200/a.jpg 300w, https://c.example/w_900,h_600/a.jpg 900w"))
                .contains("https://c.example/w_900,h_600/a.jpg");
        assertThat(RemoteIds.largestOfSrcset("a.jpg 1x,b.jpg 2x")).contains("b.jpg");
        assertThat(RemoteIds.largestOfSrcset("only.jpg")).contains("only.jpg");
        assertThat(RemoteIds.largestOfSrcset("  ")).isEmpty();
    }
}
