package io.mediasync.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./mediasync invoke FUNCTION [--event FILE.json]} and {@code ./mediasync trigger SCHEDULE}:
 * one invocation through the running stack's control routes. Without a valid name they list what
 * the stack has; every failure is one line.
 */
final class ControlCommands {

    /** The sample SQS event shipped for {@code invoke image-resizer --event …} (docs/local-runtime.md). */
    static final String SAMPLE_EVENT = "tools/local-runtime/samples/image-order-sqs-event.json";

    private ControlCommands() {
    }

    static int invoke(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return Cli.command("invoke", args, env, out, err);
    }

    static int trigger(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return Cli.command("trigger", args, env, out, err);
    }

    @Command(name = "invoke", description = "Invoke one function of the running stack once and print its answer "
            + "(no FUNCTION: list them).")
    static final class Invoke implements Callable<Integer> {
        private final Cli.Io io;
        @Parameters(arity = "0..1", paramLabel = "FUNCTION", description = "its logical id or name in template.yaml")
        private String function;
        @Option(names = "--event", paramLabel = "FILE.json", description = "the event (default {}); a sample SQS event: " + SAMPLE_EVENT)
        private Path event;
        @Mixin
        private StackChoice stack;

        Invoke(Cli.Io io) {
            this.io = io;
        }

        @Override
        public Integer call() throws InterruptedException {
            String body = "{}";
            if (event != null) {
                try {
                    body = Files.readString(event);
                } catch (NoSuchFileException e) {
                    io.err().println("invoke: no event file " + event);
                    return 2;
                } catch (IOException e) {
                    io.err().println("invoke: cannot read " + event + ": " + e.getMessage());
                    return 2;
                }
            }
            ControlClient control = ControlClient.of(stack.args(), io.env());
            try {
                if (function == null) {
                    io.err().println("usage: ./mediasync invoke FUNCTION [--event FILE.json]   (a sample SQS event: " + SAMPLE_EVENT + ")");
                    list(control.get("").json().path("functions"), "functions", io.err());
                    return 2;
                }
                return answer(control.post("invoke/" + function, body), "functions", io.out(), io.err());
            } catch (IOException e) {
                io.err().println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "trigger", description = "Fire one schedule of the running stack now (no SCHEDULE: list them).")
    static final class Trigger implements Callable<Integer> {
        private final Cli.Io io;
        @Parameters(arity = "0..1", paramLabel = "SCHEDULE", description = "the schedule's name in template.yaml")
        private String schedule;
        @Mixin
        private StackChoice stack;

        Trigger(Cli.Io io) {
            this.io = io;
        }

        @Override
        public Integer call() throws InterruptedException {
            ControlClient control = ControlClient.of(stack.args(), io.env());
            try {
                if (schedule == null) {
                    io.err().println("usage: ./mediasync trigger SCHEDULE");
                    list(control.get("").json().path("schedules"), "schedules", io.err());
                    return 2;
                }
                return answer(control.post("trigger/" + schedule, "{}"), "schedules", io.out(), io.err());
            } catch (IOException e) {
                io.err().println(e.getMessage());
                return 1;
            }
        }
    }

    /** The function's answer on stdout; an unknown name as one line with what there is instead. */
    private static int answer(ControlClient.Response response, String what, PrintStream out, PrintStream err) throws IOException {
        if (response.status() == 404) {
            JsonNode error = response.json();
            err.println(error.path("errorMessage").asText());
            list(error.path(what), what, err);
            return 1;
        }
        out.println(response.body());
        return response.status() == 200 ? 0 : 1;
    }

    /** Scheduler expressions are read in their time zone (UTC when none is given), so the zone is part of when. */
    private static String inZone(String timezone) {
        return timezone.isEmpty() || timezone.equals("UTC") ? "" : " " + timezone;
    }

    private static void list(JsonNode items, String what, PrintStream err) {
        err.println(what + " of the running stack:");
        for (JsonNode item : items) {
            String detail = what.equals("functions") ? item.path("functionName").asText()
                    : item.path("expression").asText() + inZone(item.path("timezone").asText("")) + " → " + item.path("function").asText() + " (" + item.path("scheduleName").asText()
                            + (item.path("enabled").asBoolean(true) ? "" : ", disabled") + ")";
            err.printf("  %-20s %s%n", item.path("name").asText(), detail);
        }
    }
}
