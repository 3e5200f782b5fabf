package io.mediasync.sourcesync.downloader.adapter;

import java.util.List;

/**
 * What a source lists now.
 *
 * @param items     the remote files, without duplicates, in listing order
 * @param pages     pages read
 * @param truncated true when a limit cut the listing short: then nothing may be judged deleted
 */
public record Listing(List<RemoteItem> items, int pages, boolean truncated) {

    public Listing {
        items = List.copyOf(items);
    }
}
