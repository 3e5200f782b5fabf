package io.mediasync.sourcesync.downloader.adapter;

import io.mediasync.common.net.FetchException;

/**
 * Turns a source's listing into remote files, as gallery-dl's extractors do. Add a kind by implementing this
 * and adding it to {@link Adapters#standard()}; a source can name its kind in {@code adapter}, otherwise the
 * first adapter that {@link #accepts} the first page is used.
 */
public interface SourceAdapter {

    /** The name a source's {@code adapter} field uses, e.g. "feed". */
    String kind();

    /** Whether this adapter understands this first page (sniffed from the bytes and the Content-Type). */
    boolean accepts(ListingPage first);

    /** Every remote file the source lists; may fetch more pages with {@code more}. */
    Listing list(ListingPage first, PageFetcher more, ListingLimits limits) throws ListingException, FetchException;
}
