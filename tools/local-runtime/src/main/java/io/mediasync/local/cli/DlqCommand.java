package io.mediasync.local.cli;

import io.mediasync.local.cli.DeadLetterQueues.Dlq;
import io.mediasync.local.cli.DeadLetterRecords.Found;
import io.mediasync.local.cli.DeadLetterRecords.Summary;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * {@code ./mediasync dlq list | show QUEUE | redrive QUEUE [--reason CODE] [--id ID …] [--all] [--dry-run]
 * [--new-dedup-id]}: the stack's dead letters with what the records say about them, and their way back to the queue
 * they came from (FIFO group and deduplication id kept, the redrive noted in the record).
 */
@Command(name = "dlq", description = {"list: every dead-letter queue of the stack (messages, in flight, age of the oldest, "
        + "source queue)", "show QUEUE: each dead-lettered message beside its record",
    "redrive QUEUE: back to the queue each came from, FIFO group and deduplication id kept, noted in the record"})
final class DlqCommand implements Callable<Integer> {

    /** SQS drops a FIFO message whose deduplication id it saw in the last five minutes. */
    static final Duration DEDUP_WINDOW = Duration.ofMinutes(5);
    static final String USAGE = "usage: ./mediasync dlq list | show QUEUE | redrive QUEUE (--all | --reason CODE | --id ID…) [--dry-run] "
            + "[--new-dedup-id] [--max N]   (--aws [--profile P] [--region R]: the AWS stack instead of the local one)";

    private final Cli.Io io;
    @Parameters(index = "0", arity = "0..1", paramLabel = "list|show|redrive", description = "what to do")
    private String action;
    @Parameters(index = "1", arity = "0..1", paramLabel = "QUEUE", description = "show, redrive: the dead-letter queue")
    private String queue;
    @Option(names = "--all", description = "redrive: every message")
    private boolean all;
    @Option(names = "--reason", paramLabel = "CODE", description = "redrive: the messages whose record failed for this reason (repeatable)")
    private List<String> reasons = new ArrayList<>();
    @Option(names = "--id", arity = "1..*", paramLabel = "ID", description = "redrive: these messages (message or record ids)")
    private List<String> ids = new ArrayList<>();
    @Option(names = "--dry-run", description = "redrive: say what would go, send nothing")
    private boolean dryRun;
    @Option(names = "--new-dedup-id", description = "redrive: a new deduplication id (within SQS's five minutes of the first)")
    private boolean newDedupId;
    @Option(names = "--max", paramLabel = "N", description = "at most N messages (default: show 100, redrive 1000)")
    private Integer max;
    @Mixin
    private TargetFlags target;

    DlqCommand(Cli.Io io) {
        this.io = io;
    }

    static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) {
        return Cli.command("dlq", argv, env, out, err);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = io.out();
        PrintStream err = io.err();
        if (action == null || !Set.of("list", "show", "redrive").contains(action) || (!action.equals("list") && queue == null)) {
            err.println(USAGE);
            return 2;
        }
        if (action.equals("redrive") && !all && reasons.isEmpty() && ids.isEmpty()) {
            err.println("dlq redrive: say which messages: --all, --reason CODE or --id ID… (dlq show " + queue + " lists them)");
            return 2;
        }
        try (OpsTarget stack = OpsTarget.resolve(target, io.env())) {
            DeadLetterQueues dlqs = new DeadLetterQueues(stack.sqs());
            if (action.equals("list")) {
                return list(dlqs, stack, out);
            }
            Optional<Dlq> dlq = dlqs.find(queue);
            if (dlq.isEmpty()) {
                err.println("dlq: no dead-letter queue " + queue + " in " + stack.where() + "; there are: "
                        + String.join(", ", dlqs.list().stream().map(Dlq::name).toList()));
                return 1;
            }
            try (DeadLetterRecords records = stack.mongoUrl().map(url -> new DeadLetterRecords(url, stack.database())).orElse(null)) {
                DlqView view = new DlqView(dlqs, dlq.get(), records, out);
                return action.equals("show") ? view.show(max != null ? max : 100)
                        : view.redrive(new DlqView.Selection(all, reasons, ids), dryRun, newDedupId, max != null ? max : 1000, err);
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            err.println("dlq: " + e.getMessage());
            return e instanceof IllegalArgumentException ? 2 : 1;
        } catch (SqsException e) {
            err.println("dlq: SQS answered " + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
            return 1;
        }
    }

    private static int list(DeadLetterQueues dlqs, OpsTarget target, PrintStream out) {
        List<Dlq> all = dlqs.list();
        out.println("dead-letter queues of " + target.where() + ":");
        out.printf("  %-34s %8s %9s  %-14s %s%n", "QUEUE", "MESSAGES", "IN FLIGHT", "OLDEST", "SOURCE");
        for (Dlq dlq : all) {
            String oldest = "-";
            if (dlq.visible() > 0) {
                List<Message> read = dlqs.read(dlq, 10);
                dlqs.giveBack(dlq, read);
                oldest = read.stream().mapToLong(DeadLetterQueues::sentAt).filter(t -> t > 0).min()
                        .stream().mapToObj(t -> age(Instant.ofEpochMilli(t))).findFirst().orElse("-");
            }
            out.printf("  %-34s %8d %9d  %-14s %s%n", dlq.name(), dlq.visible(), dlq.inFlight(), oldest,
                    dlq.sources().isEmpty() ? "(no queue names it in its RedrivePolicy)" : String.join(", ", dlq.sources()));
        }
        if (all.isEmpty()) {
            out.println("  (none)");
        }
        return 0;
    }

    /** How long ago, for people: 42s, 3m 12s, 5h 07m, 2d 04h. */
    static String age(Instant then) {
        long s = Math.max(0, Duration.between(then, Instant.now()).toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m " + String.format("%02ds", s % 60);
        }
        if (s < 86400) {
            return s / 3600 + "h " + String.format("%02dm", s % 3600 / 60);
        }
        return s / 86400 + "d " + String.format("%02dh", s % 86400 / 3600);
    }

    static Summary noRecord(Message m) {
        return new Summary(m.messageId(), "no record", null, null, m.attributesAsStrings().getOrDefault("ApproximateReceiveCount", "?"),
                null, null);
    }

    static Optional<Found> record(DeadLetterRecords records, Message m) {
        return records == null ? Optional.empty() : records.find(m.messageId());
    }
}
