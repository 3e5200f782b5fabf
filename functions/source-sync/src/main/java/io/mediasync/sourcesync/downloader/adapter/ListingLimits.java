package io.mediasync.sourcesync.downloader.adapter;

/** How far an adapter may go: pages followed (the first included) and files taken. */
public record ListingLimits(int maxPages, int maxItems) {
}
