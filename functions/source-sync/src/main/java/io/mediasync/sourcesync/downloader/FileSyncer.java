package io.mediasync.sourcesync.downloader;

import io.mediasync.common.hash.Sha256;
import io.mediasync.common.metrics.Metric;
import io.mediasync.common.metrics.Metrics;
import io.mediasync.common.net.FetchException;
import io.mediasync.common.net.FetchedBody;
import io.mediasync.sourcesync.config.StorageConfig;
import io.mediasync.sourcesync.downloader.adapter.ListingPage;
import io.mediasync.sourcesync.downloader.adapter.MediaSniffer;
import io.mediasync.sourcesync.downloader.adapter.RemoteItem;
import io.mediasync.sourcesync.fetch.FetchOutcome;
import io.mediasync.sourcesync.fetch.PoliteFetcher;
import io.mediasync.sourcesync.messages.FileEvent;
import io.mediasync.sourcesync.store.FileRecord;
import io.mediasync.sourcesync.store.FileRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * One listed file: skipped if the registry has it unchanged (same remote id; ETag / Last-Modified answered 304,
 * or no validators and the same declared length; or the same bytes), otherwise stored in the content bucket,
 * registered as a new version and announced. A file that cannot be fetched is a failure of that file only:
 * its record (if any) is kept and marked seen, so it is never taken for deleted. A file the invocation's deadline
 * cut off is no failure: it is left to the follow-up order, untouched. S3 and MongoDB errors are thrown: the order
 * is retried and resumes here.
 */
@ApplicationScoped
public class FileSyncer {

    private static final Logger LOG = Logger.getLogger(FileSyncer.class);

    private final FileRegistry registry;
    private final PoliteFetcher fetcher;
    private final ContentStore content;
    private final String contentRoot;

    public FileSyncer(FileRegistry registry, PoliteFetcher fetcher, ContentStore content, StorageConfig storage) {
        this.registry = registry;
        this.fetcher = fetcher;
        this.content = content;
        this.contentRoot = storage.contentRoot();
    }

    /**
     * @param record     the file's registry record, or null if it has none (looked up by the caller, per chunk)
     * @param prefetched the listing response when it is this very file (a direct image URL), else null
     * @param mayDefer   whether a file cut off by the deadline may be left to the follow-up order (else it failed)
     */
    public ItemOutcome sync(RunContext run, RemoteItem item, FileRecord record, ListingPage prefetched, boolean mayDefer) {
        if (record != null && run.runId().equals(record.lastRunId()) && record.lastOutcome() != null && record.announced()) {
            return ItemOutcome.alreadyDone(); // a redelivered order passing over files it already handled
        }
        boolean live = record != null && record.live();
        if (live && !record.announced()) {
            // stored by an attempt that stopped before its event went out: announce it now, no new download
            registry.markSkipped(record.id(), run.runId(), null, null, null);
            registry.markDownloaded(record.id());
            return ItemOutcome.downloaded(event(FileEvent.DOWNLOADED, run, record, null), record.id(), record.version(), false);
        }
        if (prefetched != null && item.url().equals(prefetched.requested().toString())) {
            // a direct image: the listing request fetched the file itself, so its bytes decide
            return store(run, item, record, live, new FetchedBody(prefetched.uri(), 200, prefetched.contentType(),
                    prefetched.body(), Map.of()));
        }
        Map<String, String> conditional = new HashMap<>();
        if (live && item.url().equals(record.url())) {
            Long declared = item.declaredLength();
            boolean lengthChanged = declared != null && record.size() != null && !declared.equals(record.size());
            String etag = record.etag();
            String lastModified = record.lastModified();
            if (!lengthChanged && etag == null && lastModified == null) {
                // nothing to ask the server with: trust the registry, as the seed trusted the local file
                registry.markSkipped(record.id(), run.runId(), null, null, null);
                return ItemOutcome.skipped(event(FileEvent.SKIPPED, run, record, null), record.id(), false);
            }
            if (!lengthChanged) {
                if (etag != null) {
                    conditional.put("If-None-Match", etag);
                }
                if (lastModified != null) {
                    conditional.put("If-Modified-Since", lastModified);
                }
            }
        }

        URI uri = URI.create(item.url());
        Map<String, String> headers = new HashMap<>(run.headers().forUri(uri));
        headers.putAll(conditional);
        FetchOutcome outcome;
        try {
            outcome = fetcher.get(uri, headers, run.budget().deadline());
        } catch (FetchException e) {
            if (mayDefer && e.kind() == FetchException.Kind.DEADLINE) {
                LOG.infof("file %s cut off by the invocation's deadline: the follow-up order fetches it", item.url());
                return ItemOutcome.deferred();
            }
            LOG.warnf("file %s not downloaded (%s): %s", item.url(), e.code(), e.getMessage());
            if (record != null) {
                registry.markFailed(record.id(), run.runId(), e.code(), e.getMessage());
            }
            return ItemOutcome.failed(record == null ? null : record.id(), e.code(),
                    item.url() + ": " + e.getMessage(), true);
        }
        if (outcome instanceof FetchOutcome.NotModified) {
            registry.markSkipped(record.id(), run.runId(), item.url(), null, null);
            return ItemOutcome.skipped(event(FileEvent.SKIPPED, run, record, null), record.id(), true);
        }
        return store(run, item, record, live, ((FetchOutcome.Fetched) outcome).body());
    }

    private ItemOutcome store(RunContext run, RemoteItem item, FileRecord record, boolean live, FetchedBody body) {
        Metrics.value(Metric.BYTES_DOWNLOADED, body.body().length); // every body fetched, changed or not
        String sha256 = Sha256.hex(body.body());
        String etag = body.headers().get("etag");
        String lastModified = body.headers().get("last-modified");
        if (live && sha256.equals(record.sha256())) {
            registry.markSkipped(record.id(), run.runId(), item.url(), etag, lastModified);
            return ItemOutcome.skipped(event(FileEvent.SKIPPED, run, record, null), record.id(), true);
        }
        String contentType = MediaSniffer.contentType(body.body(), body.contentType());
        if (record == null) {
            record = reserve(run, item, body, contentType);
        }
        content.put(record.key(), body.body(), contentType, sha256, run.sourceId());
        FileRegistry.StoredVersion stored = new FileRegistry.StoredVersion(item.url(), body.body().length, sha256, contentType,
                etag, lastModified);
        if (!registry.commitVersion(record, stored, run.runId())) {
            throw new ConcurrentModificationException("file record " + record.id() + " changed meanwhile");
        }
        int version = record.version() + 1;
        String previousSha = live ? record.sha256() : null;
        FileRecord now = record.stored(sha256, contentType, body.body().length, version);
        LOG.debugf("stored %s (%d bytes, %s) as %s v%d", item.url(), body.body().length, contentType, now.key(), version);
        return ItemOutcome.downloaded(event(FileEvent.DOWNLOADED, run, now, previousSha), record.id(), version, true);
    }

    /**
     * Claims a file name (and so a key) for a new file; a name whose key is taken by another remote file, of this
     * source or of another with the same content_path, gets a hash suffix of the source and remote id.
     */
    private FileRecord reserve(RunContext run, RemoteItem item, FetchedBody body, String contentType) {
        String name = FileNames.choose(item.url(), body.headers().get("content-disposition"), contentType);
        String owner = run.sourceId() + ":" + item.remoteId();
        String[] candidates = {name, FileNames.withSuffix(name, owner, 8), FileNames.withSuffix(name, owner, 16),
            FileNames.withSuffix(name, owner, 64)};
        for (String candidate : candidates) {
            String key = ContentKeys.key(contentRoot, run.order().contentPath(), candidate);
            FileRegistry.Reservation r = registry.reserve(run.sourceId(), item.remoteId(), item.url(), candidate, key,
                    run.runId());
            if (!r.nameTaken()) {
                return r.record();
            }
        }
        throw new IllegalStateException("no free file name for " + item.remoteId());
    }

    private static FileEvent event(String type, RunContext run, FileRecord record, String previousSha) {
        return FileEvent.of(record, type, type.equals(FileEvent.DOWNLOADED) ? record.version() : null,
                previousSha == null || Objects.equals(previousSha, record.sha256()) ? null : previousSha, run.runId());
    }

    static String hashKey(String text) {
        return Sha256.hex(text).substring(0, 16);
    }
}
