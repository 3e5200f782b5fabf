package io.mediasync.catalog.fetch;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.net.FetchedBody;
import io.mediasync.common.net.Origin;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the whole listing, page by page, handing each page over as it arrives (so an error on page 7 leaves pages
 * 1-6 applied and nothing else). Follows next links only on the API's own origin (the token is bound to it), stops
 * on a link seen before ({@code page_loop}) and after CATALOG_MAX_PAGES ({@code too_many_pages}).
 */
public final class CatalogClient {

    @FunctionalInterface
    public interface PageHandler {
        void accept(Page page) throws CatalogFailure;
    }

    /** What a listing cost. */
    public record Listing(int pages, int items, int requests) {
    }

    private final URI first;
    private final Origin origin;
    private final PoliteGet get;
    private final PageParser parser;
    private final int maxPages;

    public CatalogClient(URI first, PoliteGet get, PageParser parser, int maxPages) {
        this.first = first;
        this.origin = Origin.of(first);
        this.get = get;
        this.parser = parser;
        this.maxPages = maxPages;
    }

    public Listing list(Deadline run, PageHandler handler, AtomicInteger requests) throws CatalogFailure {
        Set<URI> seen = new HashSet<>();
        URI next = first;
        int pages = 0;
        int items = 0;
        while (next != null) {
            if (!seen.add(next.normalize())) {
                throw new CatalogFailure("page_loop", "page " + pages + " links back to " + next + ", already read in this run");
            }
            if (pages >= maxPages) {
                throw new CatalogFailure("too_many_pages", "more than " + maxPages + " pages (CATALOG_MAX_PAGES)");
            }
            if (!sameOrigin(next)) {
                throw CatalogFailure.badResponse("page " + pages + " links to " + next + ", off the API's origin " + origin
                        + " (the token is never sent there)");
            }
            FetchedBody body = get.get(next, run, requests);
            Page page = parser.parse(++pages, body);
            items += page.items().size();
            handler.accept(page);
            next = page.next().orElse(null);
        }
        return new Listing(pages, items, requests.get());
    }

    public URI first() {
        return first;
    }

    private boolean sameOrigin(URI uri) {
        try {
            return origin.equals(Origin.of(uri));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
