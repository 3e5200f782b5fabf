package io.mediasync.local;

import io.mediasync.local.DeadLetterQueues.Dlq;
import io.mediasync.local.DeadLetterRecords.Found;
import io.mediasync.local.DeadLetterRecords.Summary;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * {@code ./mediasync dlq list | show QUEUE | redrive QUEUE [--reason CODE] [--id ID …] [--all] [--dry-run]
 * [--new-dedup-id]}: the stack's dead letters with what the records say about them, and their way back to the queue
 * they came from (FIFO group and deduplication id kept, the redrive noted in the record).
 */
final class DlqCommand {

    /** SQS drops a FIFO message whose deduplication id it saw in the last five minutes. */
    static final Duration DEDUP_WINDOW = Duration.ofMinutes(5);
    private static final Set<String> FLAGS = Set.of(OpsTarget.AWS, "--all", "--dry-run", "--new-dedup-id");
    private static final Set<String> OPTIONS = Set.of("--reason", "--id", "--max");
    static final String USAGE = "usage: ./mediasync dlq list | show QUEUE | redrive QUEUE (--all | --reason CODE | --id ID…) [--dry-run] "
            + "[--new-dedup-id] [--max N]   (--aws [--profile P] [--region R]: the AWS stack instead of the local one)";

    private DlqCommand() {
    }

    static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) throws InterruptedException {
        OpsArgs args = new OpsArgs(argv, FLAGS, Set.of("--id"));
        Optional<String> problem = args.problem(union(OPTIONS, OpsTarget.OPTIONS));
        String action = args.positional.isEmpty() ? "" : args.positional.get(0);
        if (problem.isPresent() || !Set.of("list", "show", "redrive").contains(action) || (!action.equals("list") && args.positional.size() != 2)) {
            err.println(problem.map(p -> "dlq: " + p + "\n").orElse("") + USAGE);
            return 2;
        }
        if (action.equals("redrive") && !args.has("--all") && !args.has("--reason") && !args.has("--id")) {
            err.println("dlq redrive: say which messages: --all, --reason CODE or --id ID… (dlq show " + args.positional.get(1) + " lists them)");
            return 2;
        }
        try (OpsTarget target = OpsTarget.resolve(args, env)) {
            DeadLetterQueues dlqs = new DeadLetterQueues(target.sqs());
            if (action.equals("list")) {
                return list(dlqs, target, out);
            }
            Optional<Dlq> dlq = dlqs.find(args.positional.get(1));
            if (dlq.isEmpty()) {
                err.println("dlq: no dead-letter queue " + args.positional.get(1) + " in " + target.where() + "; there are: "
                        + String.join(", ", dlqs.list().stream().map(Dlq::name).toList()));
                return 1;
            }
            try (DeadLetterRecords records = target.mongoUrl().map(url -> new DeadLetterRecords(url, target.database())).orElse(null)) {
                DlqView view = new DlqView(dlqs, dlq.get(), records, out);
                return action.equals("show") ? view.show(args.intValue("--max", 100))
                        : view.redrive(new DlqView.Selection(args.has("--all"), args.values("--reason"), args.values("--id")),
                                args.has("--dry-run"), args.has("--new-dedup-id"), args.intValue("--max", 1000), err);
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

    private static Set<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
