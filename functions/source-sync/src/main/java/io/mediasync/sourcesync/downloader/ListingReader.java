package io.mediasync.sourcesync.downloader;

import io.mediasync.common.net.FetchException;
import io.mediasync.common.net.FetchedBody;
import io.mediasync.sourcesync.config.SyncConfig;
import io.mediasync.sourcesync.downloader.adapter.Adapters;
import io.mediasync.sourcesync.downloader.adapter.Listing;
import io.mediasync.sourcesync.downloader.adapter.ListingException;
import io.mediasync.sourcesync.downloader.adapter.ListingLimits;
import io.mediasync.sourcesync.downloader.adapter.ListingPage;
import io.mediasync.sourcesync.downloader.adapter.PageFetcher;
import io.mediasync.sourcesync.downloader.adapter.SourceAdapter;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.sourcesync.fetch.FetchOutcome;
import io.mediasync.sourcesync.fetch.PoliteFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads what a source lists now: a conditional GET of the listing (If-None-Match / If-Modified-Since from the
 * last completed run; a 304 means nothing changed), then the adapter for what came back.
 */
@ApplicationScoped
public class ListingReader {

    private static final Logger LOG = Logger.getLogger(ListingReader.class);

    /** The outcome: nothing changed, or the files listed now. */
    public sealed interface Result {
    }

    public record NotModified() implements Result {
    }

    /** {@code firstPage} is kept for a direct image: the listing is the file, no need to fetch it twice. */
    public record Listed(String adapter, Listing listing, String etag, String lastModified, ListingPage firstPage)
            implements Result {
    }

    private final PoliteFetcher fetcher;
    private final Adapters adapters;
    private final ListingLimits limits;

    public ListingReader(PoliteFetcher fetcher, Adapters adapters, SyncConfig config) {
        this.fetcher = fetcher;
        this.adapters = adapters;
        this.limits = new ListingLimits(Math.max(1, config.maxListingPages()), Math.max(1, config.maxListingItems()));
    }

    /**
     * @param validators the listing's ETag and Last-Modified to send, or null for an unconditional GET
     */
    public Result read(URI uri, Optional<String> adapterName, SourceHeaders headers, String[] validators, Deadline deadline)
            throws SyncFailure {
        Map<String, String> request = new HashMap<>(headers.forUri(uri));
        if (validators != null) {
            if (validators[0] != null) {
                request.put("If-None-Match", validators[0]);
            }
            if (validators[1] != null) {
                request.put("If-Modified-Since", validators[1]);
            }
        }
        FetchOutcome outcome;
        try {
            outcome = fetcher.get(uri, request, deadline);
        } catch (FetchException e) {
            throw SyncFailure.of(e, "listing " + uri);
        }
        if (outcome instanceof FetchOutcome.NotModified) {
            LOG.infof("listing %s not modified (304)", uri);
            return new NotModified();
        }
        FetchedBody body = ((FetchOutcome.Fetched) outcome).body();
        ListingPage first = new ListingPage(body.finalUri(), body.contentType(), body.body(), uri);
        PageFetcher more = next -> {
            FetchOutcome page = fetcher.get(next, headers.forUri(next), deadline);
            if (!(page instanceof FetchOutcome.Fetched fetched)) {
                throw FetchException.httpStatus(304, "unexpected 304 for " + next);
            }
            return new ListingPage(fetched.body().finalUri(), fetched.body().contentType(), fetched.body().body());
        };
        try {
            SourceAdapter adapter = adapters.choose(adapterName, first);
            Listing listing = adapter.list(first, more, limits);
            if (listing.items().isEmpty()) {
                throw SyncFailure.permanent("no_files_found", uri + " (" + adapter.kind() + ", " + listing.pages()
                        + " page(s)) lists no image files; nothing registered was changed");
            }
            LOG.infof("listing %s: %s, %d file(s) on %d page(s)%s", uri, adapter.kind(), listing.items().size(),
                    listing.pages(), listing.truncated() ? ", truncated by a limit" : "");
            return new Listed(adapter.kind(), listing, body.headers().get("etag"), body.headers().get("last-modified"), first);
        } catch (ListingException e) {
            throw SyncFailure.permanent(e.code(), "listing " + uri + ": " + e.getMessage());
        } catch (FetchException e) {
            throw SyncFailure.of(e, "listing " + uri + ", a further page");
        }
    }
}
