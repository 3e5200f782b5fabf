package io.mediasync.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

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

    static int invoke(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws InterruptedException {
        String body = "{}";
        String function = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--event" -> {
                    if (i + 1 >= args.length) {
                        err.println("invoke: --event needs a file, e.g. --event " + SAMPLE_EVENT);
                        return 2;
                    }
                    try {
                        body = Files.readString(Path.of(args[++i]));
                    } catch (NoSuchFileException e) {
                        err.println("invoke: no event file " + args[i]);
                        return 2;
                    } catch (IOException e) {
                        err.println("invoke: cannot read " + args[i] + ": " + e.getMessage());
                        return 2;
                    }
                }
                case "--http-port", "--data-dir" -> i++;
                default -> function = function == null && !args[i].startsWith("-") ? args[i] : function;
            }
        }
        ControlClient control = ControlClient.of(args, env);
        try {
            if (function == null) {
                err.println("usage: ./mediasync invoke FUNCTION [--event FILE.json]   (a sample SQS event: " + SAMPLE_EVENT + ")");
                list(control.get("").json().path("functions"), "functions", err);
                return 2;
            }
            return answer(control.post("invoke/" + function, body), "functions", out, err);
        } catch (IOException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    static int trigger(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws InterruptedException {
        ControlClient control = ControlClient.of(args, env);
        String schedule = args.length > 0 && !args[0].startsWith("-") ? args[0] : null;
        try {
            if (schedule == null) {
                err.println("usage: ./mediasync trigger SCHEDULE");
                list(control.get("").json().path("schedules"), "schedules", err);
                return 2;
            }
            return answer(control.post("trigger/" + schedule, "{}"), "schedules", out, err);
        } catch (IOException e) {
            err.println(e.getMessage());
            return 1;
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
