package io.mediasync.local.cli;

import io.mediasync.local.LocalCloud;
import io.mediasync.local.LocalOptions;
import io.mediasync.local.StackFlags;
import io.mediasync.local.UpPorts;
import io.mediasync.testsupport.DevStack;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./mediasync up}: every function of template.yaml locally until Ctrl-C. */
@Command(name = "up", description = "Run every function of template.yaml locally until Ctrl-C: SQS 127.0.0.1:9324, S3 :9000, "
        + "MongoDB :27017, HTTP API :3000, resized images :9001.")
final class UpCommand implements Callable<Integer> {

    private final Cli.Io io;
    @Mixin
    private StackFlags flags;

    UpCommand(Cli.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        LocalOptions options = flags.resolve(io.env());
        String busy = UpPorts.busy(options);
        if (busy != null) {
            io.err().println("up: " + busy);
            return 1;
        }
        LocalCloud cloud;
        try {
            cloud = LocalCloud.start(options, io.out());
        } catch (DevStack.NotStarted e) { // taken between the check and the devstack's start
            io.err().println("up: " + e.getMessage() + ": stop what listens there, or choose other ports (--sqs-port, --s3-port, --mongo-port)");
            return 1;
        } catch (IOException | RuntimeException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file " + e.getMessage() : String.valueOf(e.getMessage());
            io.err().println("up: could not start: " + why + " (logs in " + options.dataDir().resolve("logs") + ")");
            return 1;
        }
        Runnable forget = RunningStacks.record(cloud, options.dataDir(), RunningStacks.registry());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            io.out().println("stopping the local runtime");
            forget.run();
            cloud.close();
        }));
        cloud.printSummary();
        io.out().println("running; Ctrl-C stops");
        new CountDownLatch(1).await();
        return 0;
    }
}
