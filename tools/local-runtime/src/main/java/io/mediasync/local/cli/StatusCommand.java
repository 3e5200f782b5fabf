package io.mediasync.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediasync.local.EmfCounts;
import io.mediasync.local.OutcomeSummary;
import io.mediasync.local.cli.DeadLetterQueues.Dlq;
import io.mediasync.testsupport.AwsClients;
import io.mediasync.testsupport.DevStack;
import io.mediasync.testsupport.Endpoints;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code ./mediasync status}: the running local stack now. Per queue its depth, in-flight messages and its DLQ's
 * depth; per function its invocations, errors, cold starts and last error since the stack started; then what every
 * message came to per function, summed from the EMF lines in their log files (since those files began) as the demo sums it.
 */
@Command(name = "status", description = {"The running stack now: per queue depth, in flight and DLQ depth; per function "
        + "invocations, errors, cold starts and last error; the outcomes the functions logged as EMF lines."})
final class StatusCommand implements Callable<Integer> {

    private final Cli.Io io;
    @Mixin
    private StackChoice stack;

    StatusCommand(Cli.Io io) {
        this.io = io;
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return Cli.command("status", args, env, out, err);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = io.out();
        PrintStream err = io.err();
        ControlClient control = ControlClient.of(stack.args(), io.env());
        JsonNode status;
        try {
            status = control.get("status").json();
        } catch (IOException e) {
            err.println(e.getMessage());
            return 1;
        }
        out.println("local stack on http://127.0.0.1:" + control.port() + "  data " + status.path("dataDir").asText()
                + "  (ready in " + status.path("readyMillis").asLong() + " ms)");
        Endpoints endpoints = new Endpoints(URI.create(status.path("sqs").asText()), URI.create(status.path("s3").asText()),
                status.path("mongo").asText(), status.path("region").asText(DevStack.REGION), DevStack.ACCESS_KEY, DevStack.SECRET_KEY);
        try (SqsClient sqs = AwsClients.sqs(endpoints)) {
            queues(sqs, out);
        }
        functions(status.path("functions"), out);
        try {
            outcomes(EmfCounts.read(Path.of(status.path("dataDir").asText()).resolve("logs")), out);
        } catch (IOException e) {
            out.println("outcomes: the logs could not be read: " + e.getMessage());
        }
        return 0;
    }

    private static void queues(SqsClient sqs, PrintStream out) {
        List<Dlq> dlqs = new DeadLetterQueues(sqs).list();
        Set<String> dlqNames = Set.copyOf(dlqs.stream().map(Dlq::name).toList());
        out.printf("%n  %-36s %7s %9s   %s%n", "QUEUE", "DEPTH", "IN FLIGHT", "DLQ (depth)");
        for (String url : sqs.listQueues().queueUrls().stream().sorted().toList()) {
            String name = url.substring(url.lastIndexOf('/') + 1);
            if (dlqNames.contains(name)) {
                continue;
            }
            Map<String, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings(
                    "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
            String dlq = dlqs.stream().filter(d -> d.sources().contains(name)).findFirst()
                    .map(d -> d.name() + " (" + d.visible() + (d.visible() > 0 ? "  ./mediasync dlq show " + d.name() : "") + ")").orElse("-");
            out.printf("  %-36s %7s %9s   %s%n", name, a.get("ApproximateNumberOfMessages"), a.get("ApproximateNumberOfMessagesNotVisible"), dlq);
        }
    }

    private static void functions(JsonNode functions, PrintStream out) {
        out.printf("%n  %-40s %11s %6s %11s   %s%n", "FUNCTION", "INVOCATIONS", "ERRORS", "COLD STARTS", "LAST ERROR");
        functions.fields().forEachRemaining(e -> {
            JsonNode f = e.getValue();
            JsonNode last = f.path("lastError");
            String lastError = last.isMissingNode() ? "-" : last.path("at").asText() + " " + oneLine(last.path("body").asText());
            out.printf("  %-40s %11d %6d %11d   %s%n", e.getKey(), f.path("invocations").asLong(), f.path("errors").asLong(),
                    f.path("coldStarts").asLong(), lastError);
            if (!f.path("unconfigured").asText("").isEmpty()) {
                out.println("    unconfigured: set " + f.path("unconfigured").asText());
            }
        });
    }

    /** What every message came to, per function, as the demo sums it ({@link OutcomeSummary}). */
    private static void outcomes(EmfCounts counts, PrintStream out) {
        if (counts.lines() == 0) {
            out.println("\noutcomes: no EMF lines in the functions' logs yet (the counts appear once the functions emit them)");
            return;
        }
        out.println("\noutcomes of every message (" + counts.lines() + " EMF lines in the functions' logs, since the log files began):");
        var lines = OutcomeSummary.lines(counts);
        if (lines.isEmpty()) {
            out.println("  no function has taken a message yet");
        }
        lines.forEach(out::println);
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 120 ? flat : flat.substring(0, 117) + "...";
    }
}
