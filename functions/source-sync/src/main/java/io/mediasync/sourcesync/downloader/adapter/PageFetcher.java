package io.mediasync.sourcesync.downloader.adapter;

import io.mediasync.common.net.FetchException;
import java.net.URI;

/** Fetches further listing pages (pagination) with the same manners, guard and headers as the first. */
@FunctionalInterface
public interface PageFetcher {
    ListingPage fetch(URI uri) throws FetchException;
}
