package io.mediasync.sourcesync.downloader;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.sourcesync.config.SyncConfig;
import io.mediasync.sourcesync.downloader.adapter.DirectImageAdapter;
import io.mediasync.sourcesync.downloader.adapter.ListingPage;
import io.mediasync.sourcesync.downloader.adapter.RemoteItem;
import io.mediasync.sourcesync.messages.FileEvent;
import io.mediasync.sourcesync.store.FileRecord;
import io.mediasync.sourcesync.store.FileRegistry;
import io.mediasync.sourcesync.store.SourceRecord;
import io.mediasync.sourcesync.store.SourceStore;
import io.mediasync.sourcesync.store.SyncRun;
import io.mediasync.sourcesync.store.SyncRuns;
import io.mediasync.sourcesync.sqs.SyncOrderSender;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.types.ObjectId;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Works through a run: lists the source once (the snapshot is kept with the run), then syncs the files
 * from the run's cursor in chunks; after each chunk its events are sent, the announced versions recorded and
 * the cursor saved. When the invocation's budget is spent it sends a follow-up order and returns (the cursor stops
 * before a file its deadline cut off, so the follow-up fetches it); the run completes (deletions, counts, "source
 * synchronized") only after the last file.
 */
@ApplicationScoped
public class SyncRunner {

    private static final Logger LOG = Logger.getLogger(SyncRunner.class);
    /** Files per checkpoint: events are sent in SQS batches of 10. */
    private static final int CHUNK = 10;
    private static final long TOUCH_EVERY_MILLIS = 30_000;

    public enum Result { COMPLETED, CONTINUED }

    private final ListingReader reader;
    private final FileSyncer files;
    private final SyncRuns runs;
    private final SourceStore sources;
    private final FileRegistry registry;
    private final EventPublisher events;
    private final RunCompletion completion;
    private final SyncOrderSender followUps;
    private final SyncConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService pool;

    public SyncRunner(ListingReader reader, FileSyncer files, SyncRuns runs, SourceStore sources, FileRegistry registry,
            EventPublisher events, RunCompletion completion, SyncOrderSender followUps, SyncConfig config, ObjectMapper json,
            Clock clock) {
        this.reader = reader;
        this.files = files;
        this.runs = runs;
        this.sources = sources;
        this.registry = registry;
        this.events = events;
        this.completion = completion;
        this.followUps = followUps;
        this.config = config;
        this.json = json;
        this.clock = clock;
        int parallel = Math.max(1, config.parallelDownloads());
        this.pool = parallel == 1 ? null : Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "source-download");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    public Result run(RunContext run) throws SyncFailure {
        SyncRun stored = runs.find(run.runId()).orElseThrow(() -> new IllegalStateException("run " + run.runId() + " vanished"));
        if (stored.notModified()) {
            return completeNotModified(run, stored); // a redelivery after the 304 was recorded
        }
        List<RemoteItem> items;
        ListingPage prefetched = null;
        if (stored.listing() == null) {
            ListingReader.Result listed = reader.read(uri(run), Optional.ofNullable(run.source().adapter()),
                    run.headers(), validators(run), run.budget().deadline());
            if (listed instanceof ListingReader.NotModified) {
                runs.saveListing(run.runId(), null, ListingSnapshot.encode(json, List.of()), 0, false,
                        run.source().listingEtag(), run.source().listingLastModified(), true);
                return completeNotModified(run, runs.findSummary(run.runId()).orElseThrow());
            }
            ListingReader.Listed l = (ListingReader.Listed) listed;
            items = l.listing().items();
            runs.saveListing(run.runId(), l.adapter(), ListingSnapshot.encode(json, items), items.size(),
                    l.listing().truncated(), l.etag(), l.lastModified(), false);
            prefetched = l.adapter().equals(DirectImageAdapter.KIND) ? l.firstPage() : null;
            stored = runs.findSummary(run.runId()).orElseThrow();
        } else {
            items = ListingSnapshot.decode(json, stored.listing());
        }

        int cursor = stored.cursor();
        int started = cursor;
        long touched = clock.millis();
        while (cursor < items.size()) {
            int size = Math.min(CHUNK, Math.max(Math.max(1, config.parallelDownloads()), run.budget().filesLeft()));
            int end = Math.min(items.size(), cursor + size);
            // files the deadline cuts off go to the follow-up, except in an invocation's first chunk: those had the
            // whole invocation (a file slower than that fails), so every invocation moves the cursor on
            cursor += syncChunk(run, items.subList(cursor, end), prefetched, cursor > started);
            runs.checkpoint(run.runId(), cursor);
            if (clock.millis() - touched > TOUCH_EVERY_MILLIS) {
                sources.touchRun(run.sourceId(), run.runId());
                touched = clock.millis();
            }
            if (cursor < items.size() && run.budget().exhausted()) {
                followUps.sendFollowUp(run.order(), run.runId(), cursor);
                sources.touchRun(run.sourceId(), run.runId());
                LOG.infof("budget spent at file %d of %d: the run continues in a follow-up order", cursor, items.size());
                return Result.CONTINUED;
            }
        }
        completion.complete(run, stored, !stored.truncated(), true);
        return Result.COMPLETED;
    }

    /** @return how many of the chunk's files are settled: those before the first one left to the follow-up */
    private int syncChunk(RunContext run, List<RemoteItem> chunk, ListingPage prefetched, boolean mayDefer) {
        List<ItemOutcome> outcomes = syncAll(run, chunk, prefetched, mayDefer);
        List<FileEvent> toSend = outcomes.stream().map(ItemOutcome::event).filter(Objects::nonNull).toList();
        events.publishFileEvents(toSend);
        int network = 0;
        Map<Integer, List<ObjectId>> announced = new HashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            ItemOutcome outcome = outcomes.get(i);
            network += outcome.usedNetwork() ? 1 : 0;
            if (outcome.kind() == ItemOutcome.Kind.DOWNLOADED) {
                announced.computeIfAbsent(outcome.version(), v -> new ArrayList<>()).add(outcome.recordId());
            } else if (outcome.kind() == ItemOutcome.Kind.FAILED) {
                RemoteItem item = chunk.get(i);
                Date at = Date.from(clock.instant());
                RecordedError error = new RecordedError(outcome.failureCode(), outcome.failureReason(), at);
                runs.recordFileFailure(run.runId(), new SyncRun.FileFailure(FileSyncer.hashKey(item.remoteId()), item.remoteId(),
                        item.url(), error),
                        config.maxRecordedFailures());
            }
        }
        announced.forEach((version, ids) -> registry.markAnnounced(ids, version));
        run.budget().countFiles(network);
        // the files after a deferred one that are done are passed over by the follow-up (already done in this run)
        int deferred = outcomes.stream().map(ItemOutcome::kind).toList().indexOf(ItemOutcome.Kind.DEFERRED);
        return deferred < 0 ? chunk.size() : deferred;
    }

    /** The chunk's files side by side (each host still throttled); the first infrastructure error is rethrown. */
    private List<ItemOutcome> syncAll(RunContext run, List<RemoteItem> chunk, ListingPage prefetched, boolean mayDefer) {
        Map<String, FileRecord> records = registry.findAll(run.sourceId(), chunk.stream().map(RemoteItem::remoteId).toList());
        if (pool == null || chunk.size() == 1) {
            return chunk.stream().map(item -> files.sync(run, item, records.get(item.remoteId()), prefetched, mayDefer)).toList();
        }
        Map<String, Object> mdc = MDC.getMap();
        List<Future<ItemOutcome>> futures = new ArrayList<>();
        for (RemoteItem item : chunk) {
            futures.add(pool.submit(() -> {
                mdc.forEach(MDC::put);
                try {
                    return files.sync(run, item, records.get(item.remoteId()), prefetched, mayDefer);
                } finally {
                    MDC.clear();
                }
            }));
        }
        List<ItemOutcome> outcomes = new ArrayList<>();
        RuntimeException first = null;
        for (Future<ItemOutcome> f : futures) {
            try {
                outcomes.add(f.get());
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (first != null) {
            throw first;
        }
        return outcomes;
    }

    /** 304: every registered file is unchanged; no file request at all. Pending announcements still go out. */
    private Result completeNotModified(RunContext run, SyncRun summary) {
        List<FileRecord> live = registry.liveFiles(run.sourceId());
        registry.markAllSkipped(run.sourceId(), run.runId());
        List<FileEvent> toSend = new ArrayList<>();
        List<FileRecord> pending = new ArrayList<>();
        for (FileRecord file : live) {
            boolean unannounced = !file.announced();
            if (unannounced) {
                pending.add(file);
                registry.markDownloaded(file.id());
            }
            toSend.add(FileEvent.of(file, unannounced ? FileEvent.DOWNLOADED : FileEvent.SKIPPED,
                    unannounced ? file.version() : null, null, run.runId()));
        }
        events.publishFileEvents(toSend);
        pending.forEach(f -> registry.markAnnounced(List.of(f.id()), f.version()));
        completion.complete(run, summary, false, false);
        return Result.COMPLETED;
    }

    /** The last completed run's validators, when they belong to this URL and a full check is not due. */
    private String[] validators(RunContext run) {
        SourceRecord source = run.source();
        String etag = source.listingEtag();
        String lastModified = source.listingLastModified();
        Date lastFull = source.lastFullSyncAt();
        boolean fullDue = lastFull == null || lastFull.toInstant().plus(config.fullSyncEvery()).isBefore(clock.instant());
        if (fullDue || (etag == null && lastModified == null) || !run.order().url().equals(source.listingUrl())) {
            return null;
        }
        return new String[] {etag, lastModified};
    }

    private static URI uri(RunContext run) {
        return URI.create(run.order().url()); // checked by SyncOrderHandler before the run started
    }
}
