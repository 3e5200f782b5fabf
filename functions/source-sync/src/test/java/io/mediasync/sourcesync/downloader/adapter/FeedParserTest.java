package io.mediasync.sourcesync.downloader.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    static final URI BASE = URI.create("https://pod.example/feeds/show.xml");
    private final FeedParser parser = new FeedParser(Adapters.secureXmlFactory());

    private Listing parse(String xml) throws ListingException {
        return parser.parse(BASE, xml.getBytes(StandardCharsets.UTF_8), 1000);
    }

    @Test
    void podcastChannelAndItemImages() throws Exception {
        Listing listing = parse("""
                <?xml version="1.0"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:media="http://search.yahoo.com/mrss/">
                <channel>
                  <image><url>/art/channel.jpg</url></image>
                  <itunes:image href="https://cdn.example/cover.jpg"/>
                  <item>
                    <guid>ep-1</guid>
                    <itunes:image href="https://cdn.example/ep1.jpg"/>
                    <enclosure url="https://cdn.example/ep1.mp3" type="audio/mpeg" length="123"/>
                    <media:content url="https://cdn.example/ep1-still.png" medium="image" fileSize="42"/>
                    <media:thumbnail url="https://cdn.example/ep1.jpg"/>
                  </item>
                  <item>
                    <enclosure url="https://cdn.example/ep2.jpg?utm_source=rss&amp;fbclid=x&amp;v=2" type="image/jpeg" length="0"/>
                  </item>
                  <item><title>text only</title><guid>ep-3</guid></item>
                </channel></rss>""");
        assertThat(listing.items()).extracting(RemoteItem::remoteId).containsExactly(
                "feed:channel:image", "feed:channel:itunes:image",
                "guid:ep-1#item:itunes:image", "guid:ep-1#item:media:0",
                "url:https://cdn.example/ep2.jpg?v=2");
        assertThat(listing.items().get(0).url()).isEqualTo("https://pod.example/art/channel.jpg");
        assertThat(listing.items().get(3).declaredLength()).isEqualTo(42L);
        assertThat(listing.items().get(4).declaredLength()).as("0 means unknown").isNull();
        assertThat(listing.truncated()).isFalse();
    }

    @Test
    void atomEntriesAreIdentifiedByTheirId() throws Exception {
        Listing listing = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <logo>https://a.example/logo.png</logo>
                  <entry><id>tag:a.example,2024:1</id>
                    <link rel="alternate" href="https://a.example/post/1"/>
                    <link rel="enclosure" href="https://a.example/1.webp" type="image/webp" length="99"/>
                  </entry>
                </feed>""");
        assertThat(listing.items()).extracting(RemoteItem::remoteId)
                .containsExactly("feed:channel:logo", "guid:tag:a.example,2024:1#item:enclosure");
        assertThat(listing.items().get(1).declaredLength()).isEqualTo(99L);
    }

    @Test
    void rss1ItemsUseRdfAbout() throws Exception {
        Listing listing = parse("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:media="http://search.yahoo.com/mrss/">
                  <item rdf:about="https://r.example/1"><media:content url="https://r.example/1.gif"/></item>
                </rdf:RDF>""");
        assertThat(listing.items()).extracting(RemoteItem::remoteId).containsExactly("guid:https://r.example/1#item:media:0");
    }

    @Test
    void externalEntitiesAndDtdsAreNotProcessed() {
        assertThatThrownBy(() -> parse("""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss><channel><item><guid>&xxe;</guid></item></channel></rss>"""))
                .isInstanceOfSatisfying(ListingException.class, e -> assertThat(e.code()).isEqualTo("malformed_listing"));
        assertThatThrownBy(() -> parse("""
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
                <rss><channel><item><guid>&lol2;</guid></item></channel></rss>"""))
                .isInstanceOf(ListingException.class);
    }

    @Test
    void notAFeedOrBrokenXml() {
        assertThatThrownBy(() -> parse("<html><body>hi</body></html>"))
                .isInstanceOfSatisfying(ListingException.class, e -> assertThat(e.getMessage()).contains("<html>"));
        assertThatThrownBy(() -> parse("<rss><channel><item></channel>")).isInstanceOf(ListingException.class);
        assertThatThrownBy(() -> parse("")).isInstanceOf(ListingException.class);
    }

    @Test
    void aLimitTruncatesTheListing() throws Exception {
        StringBuilder xml = new StringBuilder("<rss><channel>");
        for (int i = 0; i < 10; i++) {
            xml.append("<item><guid>").append(i).append("</guid><enclosure url=\"/").append(i).append(".jpg\"/></item>");
        }
        Listing listing = parser.parse(BASE, xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8), 4);
        assertThat(listing.items()).hasSize(4);
        assertThat(listing.truncated()).isTrue();
        assertThat(listing.items()).extracting(RemoteItem::url).startsWith("https://pod.example/0.jpg");
        assertThat(List.of(listing.items().get(0).role())).containsExactly("item:enclosure");
    }

    private static String hugeFeed(String channelPart, String itemPart) {
        return "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel>" + channelPart
                + "<item><guid>big</guid>" + itemPart + "</item></channel></rss>";
    }

    private static String thumbnails(int count) {
        StringBuilder thumbnails = new StringBuilder();
        for (int i = 0; i < count; i++) {
            thumbnails.append("<media:thumbnail url=\"https://cdn.example/t").append(i).append(".jpg\"/>");
        }
        return thumbnails.toString();
    }

    private static String media(int count) {
        StringBuilder media = new StringBuilder();
        for (int i = 0; i < count; i++) {
            media.append("<media:content medium=\"image\" url=\"https://cdn.example/m").append(i).append(".jpg\"/>");
        }
        return media.toString();
    }

    /** A listing, and what it cost: the calls the parser made on the XML reader (the same on every machine). */
    private record Counted(Listing listing, long readerCalls) {
    }

    private static Counted parseCounted(String xml) throws ListingException {
        CountingXmlFactory counting = new CountingXmlFactory(Adapters.secureXmlFactory());
        Listing listing = new FeedParser(counting).parse(BASE, xml.getBytes(StandardCharsets.UTF_8), 20_000);
        return new Counted(listing, counting.calls());
    }

    /**
     * Linear, counted: past the limit the parser only reads on (the listing of 100,000 thumbnails is the one of 20,001),
     * and its reads for 100,000 thumbnails are exactly 100 times its reads for 1,000, per thumbnail.
     */
    @Test
    void aHundredThousandChannelThumbnailsAreCutAtTheItemLimitInLinearTime() throws Exception {
        Counted huge = parseCounted(hugeFeed(thumbnails(100_000), ""));

        assertThat(huge.listing().items()).hasSize(20_000);
        assertThat(huge.listing().truncated()).isTrue();
        assertThat(huge.listing().items()).isEqualTo(parseCounted(hugeFeed(thumbnails(20_001), "")).listing().items());
        long none = parseCounted(hugeFeed("", "")).readerCalls();
        assertThat(huge.readerCalls() - none).isEqualTo(100 * (parseCounted(hugeFeed(thumbnails(1_000), "")).readerCalls() - none))
                .isPositive();
    }

    @Test
    void oneItemWithEightyThousandUrlsIsCutAtTheItemLimitInLinearTime() throws Exception {
        Counted huge = parseCounted(hugeFeed("", media(80_000)));

        assertThat(huge.listing().items()).hasSize(20_000);
        assertThat(huge.listing().truncated()).isTrue();
        assertThat(huge.listing().items()).isEqualTo(parseCounted(hugeFeed("", media(20_001))).listing().items());
        long none = parseCounted(hugeFeed("", "")).readerCalls();
        assertThat(huge.readerCalls() - none).isEqualTo(80 * (parseCounted(hugeFeed("", media(1_000))).readerCalls() - none))
                .isPositive();
    }
}
