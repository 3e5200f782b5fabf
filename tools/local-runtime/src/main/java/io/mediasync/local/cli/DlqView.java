package io.mediasync.local.cli;

import io.mediasync.local.cli.DeadLetterQueues.Dlq;
import io.mediasync.local.cli.DeadLetterRecords.Found;
import io.mediasync.local.cli.DeadLetterRecords.Summary;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** {@code dlq show} and {@code dlq redrive} on one DLQ: its messages, each beside its record. */
final class DlqView {

    /** Which messages a redrive takes: all, or those with one of the reason codes, or one of the ids (message or record id). */
    record Selection(boolean all, List<String> reasons, List<String> ids) {
        boolean takes(Message m, Optional<Found> found) {
            if (all) {
                return true;
            }
            Optional<Summary> s = found.map(f -> DeadLetterRecords.summarize(f.record()));
            boolean byReason = reasons.isEmpty() || s.map(x -> reasons.contains(x.code())).orElse(false);
            boolean byId = ids.isEmpty() || ids.contains(m.messageId())
                    || found.map(f -> ids.contains(String.valueOf(f.id())) || ids.contains(String.valueOf(f.record().get("orderId")))).orElse(false);
            return byReason && byId;
        }
    }

    private final DeadLetterQueues dlqs;
    private final Dlq dlq;
    private final DeadLetterRecords records;
    private final PrintStream out;

    DlqView(DeadLetterQueues dlqs, Dlq dlq, DeadLetterRecords records, PrintStream out) {
        this.dlqs = dlqs;
        this.dlq = dlq;
        this.records = records;
        this.out = out;
    }

    int show(int max) {
        List<Message> read = dlqs.read(dlq, max);
        try {
            out.println(dlq.name() + ": " + read.size() + " message(s)" + (read.size() == max ? " (the first " + max + "; --max N for more)" : "")
                    + (records == null ? "; records not read (no MongoDB: MONGO_URL)" : ""));
            for (Message m : read) {
                describe(m, DlqCommand.record(records, m));
            }
        } finally {
            dlqs.giveBack(dlq, read);
        }
        return 0;
    }

    private void describe(Message m, Optional<Found> found) {
        var a = m.attributesAsStrings();
        out.println("- message " + m.messageId() + (a.containsKey("MessageGroupId") ? "  group " + a.get("MessageGroupId") : "")
                + "  sent " + DlqCommand.age(Instant.ofEpochMilli(DeadLetterQueues.sentAt(m))) + " ago  from "
                + dlqs.sourceOf(dlq, m).orElse("?"));
        if (found.isEmpty()) {
            out.println("    no record" + (records == null ? " read" : " (no function wrote one for this message id)") + "; body: " + abbreviate(m.body()));
            return;
        }
        Summary s = DeadLetterRecords.summarize(found.get().record());
        Object orderId = found.get().record().get("orderId");
        out.println("    " + found.get().collection() + " " + s.id() + (orderId == null ? "" : " (order " + orderId + ")") + "  status " + s.status()
                + "  attempts " + s.attempts());
        out.println("    reason " + (s.code() == null ? "-" : s.code()) + (s.reason() == null ? "" : ": " + s.reason()));
        out.println("    first failure " + s.firstFailure() + "  last failure " + s.lastFailure());
        Object redrivenAs = found.get().record().get("redrivenAs");
        if (redrivenAs != null) {
            out.println("    redriven before, as message " + redrivenAs);
        }
    }

    int redrive(Selection selection, boolean dryRun, boolean newDedupId, int max, PrintStream err) {
        List<Message> read = dlqs.read(dlq, max);
        List<Message> keep = new ArrayList<>(read); // all but what was moved goes back, whatever happens on the way
        int moved = 0;
        int skipped = 0;
        try {
            for (Message m : read) {
                Optional<Found> found = DlqCommand.record(records, m);
                if (!selection.takes(m, found)) {
                    continue;
                }
                Optional<String> source = dlqs.sourceOf(dlq, m);
                long sentAgo = System.currentTimeMillis() - DeadLetterQueues.sentAt(m);
                String why = source.isEmpty() ? "its source queue is unknown (no DeadLetterQueueSourceArn, and " + dlq.sources().size()
                        + " queues use " + dlq.name() + ")"
                        : dlq.fifo() && !newDedupId && sentAgo < DlqCommand.DEDUP_WINDOW.toMillis()
                                ? "first sent " + sentAgo / 1000 + "s ago: within SQS's 5-minute deduplication window " + source.get()
                                        + " would drop it as a duplicate; redrive after " + Instant.ofEpochMilli(DeadLetterQueues.sentAt(m))
                                                .plus(DlqCommand.DEDUP_WINDOW) + " or with --new-dedup-id"
                                : null;
                if (why != null) {
                    out.println("skipped " + m.messageId() + ": " + why);
                    skipped++;
                    continue;
                }
                if (dryRun) {
                    out.println("would redrive " + m.messageId() + " → " + source.get() + found.map(f -> "  (" + f.collection() + " "
                            + f.id() + ", " + DeadLetterRecords.summarize(f.record()).code() + ")").orElse("  (no record)"));
                    moved++;
                    continue;
                }
                Optional<String> dedup = newDedupId ? Optional.of(newDedupId(m)) : Optional.empty();
                String sent;
                try {
                    sent = dlqs.move(dlq, m, source.get(), dedup);
                } catch (SqsException e) {
                    err.println("redrive " + m.messageId() + " → " + source.get() + " refused: " + e.awsErrorDetails().errorCode() + ": "
                            + e.awsErrorDetails().errorMessage() + (e.statusCode() == 403 ? deniedHint(source.get()) : ""));
                    return 1;
                }
                keep.remove(m);
                found.ifPresent(f -> records.noteRedrive(f, dlq.name(), source.get(), sent));
                out.println("redriven " + m.messageId() + " → " + source.get() + " as " + sent
                        + found.map(f -> "  (noted in " + f.collection() + " " + f.id() + ")").orElse("  (no record to note it in)"));
                moved++;
            }
        } finally {
            dlqs.giveBack(dlq, keep);
        }
        out.println((dryRun ? "would redrive " : "redriven ") + moved + ", skipped " + skipped + ", left " + (read.size() - moved - skipped)
                + " not selected, of " + read.size() + " read from " + dlq.name());
        return skipped > 0 ? 1 : 0;
    }

    /** A deduplication id SQS has not seen: the original's, marked as this redrive's (128 characters at most). */
    private static String newDedupId(Message m) {
        String original = m.attributesAsStrings().getOrDefault("MessageDeduplicationId", m.messageId());
        String suffix = "-redrive-" + System.currentTimeMillis();
        return original.substring(0, Math.min(original.length(), 128 - suffix.length())) + suffix;
    }

    private static String deniedHint(String queue) {
        return queue.startsWith("InternalImageQueue") || queue.contains("Internal")
                ? " — the template's InternalImageQueuePolicy denies SendMessage to every principal but the orchestrator's and "
                        + "re-sync roles: redrive with one of those roles' credentials, or add yours to its ArnNotEquals list and deploy"
                : " — the caller may not send to " + queue + " (its queue policy or your role's)";
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 160 ? flat : flat.substring(0, 157) + "...";
    }
}
