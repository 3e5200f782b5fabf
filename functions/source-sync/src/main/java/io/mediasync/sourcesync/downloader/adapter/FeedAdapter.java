package io.mediasync.sourcesync.downloader.adapter;

/** Podcast, RSS 2.0 (and 1.0) and Atom feeds. */
public final class FeedAdapter implements SourceAdapter {

    public static final String KIND = "feed";

    private final FeedParser parser;

    public FeedAdapter(FeedParser parser) {
        this.parser = parser;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean accepts(ListingPage first) {
        String type = first.mediaType();
        if (type.contains("rss") || type.contains("atom")) {
            return true;
        }
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
            return false; // the server says HTML: a page that mentions <rss> is still a page
        }
        String head = first.head(2048);
        if (head.contains("<html") || head.contains("<!doctype html")) {
            return false;
        }
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
                || type.endsWith("/xml") || type.endsWith("+xml");
    }

    @Override
    public Listing list(ListingPage first, PageFetcher more, ListingLimits limits) throws ListingException {
        return parser.parse(first.uri(), first.body(), limits.maxItems());
    }
}
