package io.mediasync.sourcesync.downloader;

import io.mediasync.sourcesync.messages.FileEvent;
import org.bson.types.ObjectId;

/**
 * What became of one listed file.
 *
 * @param event       the event to send (null for a file already handled earlier in this run)
 * @param recordId    the registry record, when there is one
 * @param version     the version announced by a "downloaded" event
 * @param usedNetwork whether a request was made (counts against MAX_FILES_PER_INVOCATION)
 */
public record ItemOutcome(Kind kind, FileEvent event, ObjectId recordId, int version, boolean usedNetwork,
        String failureCode, String failureReason) {

    /** DEFERRED: cut off by the invocation's deadline, left to the follow-up order (nothing recorded). */
    public enum Kind { DOWNLOADED, SKIPPED, FAILED, ALREADY_DONE, DEFERRED }

    static ItemOutcome downloaded(FileEvent event, ObjectId id, int version, boolean usedNetwork) {
        return new ItemOutcome(Kind.DOWNLOADED, event, id, version, usedNetwork, null, null);
    }

    static ItemOutcome skipped(FileEvent event, ObjectId id, boolean usedNetwork) {
        return new ItemOutcome(Kind.SKIPPED, event, id, 0, usedNetwork, null, null);
    }

    static ItemOutcome failed(ObjectId id, String code, String reason, boolean usedNetwork) {
        return new ItemOutcome(Kind.FAILED, null, id, 0, usedNetwork, code, reason);
    }

    static ItemOutcome deferred() {
        return new ItemOutcome(Kind.DEFERRED, null, null, 0, false, null, null);
    }

    static ItemOutcome alreadyDone() {
        return new ItemOutcome(Kind.ALREADY_DONE, null, null, 0, false, null, null);
    }
}
