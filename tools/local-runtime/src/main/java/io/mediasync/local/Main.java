package io.mediasync.local;

import io.mediasync.testsupport.DevStack;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/** {@code ./mediasync up | invoke | trigger | send | env | dlq | records | demo}: the local runtime's commands. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int status;
        try {
            status = command(args[0], rest);
        } catch (RunningStacks.Unknown e) {
            System.err.println(args[0] + ": " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    private static int command(String command, String[] rest) throws Exception {
        return switch (command) {
            case "up" -> up(rest);
            case "invoke" -> ControlCommands.invoke(rest, System.getenv(), System.out, System.err);
            case "trigger" -> ControlCommands.trigger(rest, System.getenv(), System.out, System.err);
            case "send" -> SendOrderCommand.run(rest, System.getenv(), System.in, System.out, System.err);
            case "env" -> EnvCommand.run(rest, System.getenv(), System.out, System.err);
            case "postback-secret" -> PostbackSecretCommand.run(rest, System.getenv(), System.out, System.err);
            case "dlq" -> DlqCommand.run(rest, System.getenv(), System.out, System.err);
            case "records" -> RecordsCommand.run(rest, System.getenv(), System.out, System.err);
            case "status" -> StatusCommand.run(rest, System.getenv(), System.out, System.err);
            case "demo" -> Demo.run(rest, System.out);
            default -> {
                usage();
                yield 2;
            }
        };
    }

    private static int up(String[] args) throws IOException, InterruptedException {
        LocalOptions options;
        try {
            options = LocalOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("up: " + e.getMessage());
            return 2;
        }
        String busy = UpPorts.busy(options);
        if (busy != null) {
            System.err.println("up: " + busy);
            return 1;
        }
        LocalCloud cloud;
        try {
            cloud = LocalCloud.start(options, System.out);
        } catch (DevStack.NotStarted e) { // taken between the check and the devstack's start
            System.err.println("up: " + e.getMessage() + ": stop what listens there, or choose other ports (--sqs-port, --s3-port, --mongo-port)");
            return 1;
        } catch (IOException | RuntimeException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file " + e.getMessage() : String.valueOf(e.getMessage());
            System.err.println("up: could not start: " + why + " (logs in " + options.dataDir().resolve("logs") + ")");
            return 1;
        }
        Runnable forget = RunningStacks.record(cloud, options.dataDir(), RunningStacks.registry());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping the local runtime");
            forget.run();
            cloud.close();
        }));
        cloud.printSummary();
        System.out.println("running; Ctrl-C stops");
        new CountDownLatch(1).await();
        return 0;
    }

    private static void usage() {
        System.err.println("""
                usage: ./mediasync COMMAND
                  up [--fresh] [--data-dir DIR] [--sqs-port N] [--s3-port N] [--mongo-port N] [--http-port N] [--images-port N]
                     [--retry-delay PT5S] [--parameter Name=Value] [--template FILE]
                                        run every function of template.yaml locally (Ctrl-C stops)
                  invoke FUNCTION [--event FILE.json]   invoke one function once (needs `up`; no FUNCTION lists them)
                  trigger SCHEDULE                      fire a schedule now (needs `up`; no SCHEDULE lists them)
                  send --image-url URL [--postback-url URL | --redirect-queue Q] [...]
                                        send an image order to the local resize queue
                  env [--http-port N]   export lines for the aws CLI, SDKs and MongoDB clients: eval "$(./mediasync env)"
                  dlq list | show QUEUE | redrive QUEUE (--all | --reason CODE | --id ID…) [--dry-run] [--new-dedup-id]
                                        dead letters beside their records, and back to their queue (--aws: in AWS)
                  records orders|sources|runs [--id ID] [--status S] [--latest N]   the functions' records
                  status                per queue depth, in flight, DLQ depth; per function invocations, errors, cold starts,
                                        last error; the functions' EMF metric sums
                  postback-secret URL   the secret a postback receiver at URL verifies with (derived from POSTBACK_SECRET)
                  demo                  the whole system once: a catalog API -> catalog-sync -> source-scheduler -> downloader
                                        -> orchestrator -> image-resizer -> collection-resync, each stage verified
                  demo resize|sync|resync|catalog   one part: seed 004's orders, a podcast synced, channels re-synced,
                                        seed 003's endpoints""");
    }
}
