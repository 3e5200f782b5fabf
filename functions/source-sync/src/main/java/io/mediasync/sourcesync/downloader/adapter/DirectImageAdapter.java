package io.mediasync.sourcesync.downloader.adapter;

import java.util.List;

/** A source URL that is an image itself: one file, identified by the URL the source names (redirects may vary). */
public final class DirectImageAdapter implements SourceAdapter {

    public static final String KIND = "direct";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean accepts(ListingPage first) {
        return MediaSniffer.imageType(first.body()).isPresent() || first.mediaType().startsWith("image/");
    }

    @Override
    public Listing list(ListingPage first, PageFetcher more, ListingLimits limits) {
        String url = first.requested().toString();
        return new Listing(List.of(new RemoteItem(RemoteIds.ofUrl(url), url, "direct", (long) first.body().length,
                first.mediaType().isEmpty() ? null : first.mediaType())), 1, false);
    }
}
