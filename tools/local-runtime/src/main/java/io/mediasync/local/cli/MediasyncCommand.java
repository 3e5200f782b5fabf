package io.mediasync.local.cli;

import io.mediasync.local.bench.BenchCommand;
import io.mediasync.local.demo.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root of the local runtime's commands: without one, the list of them (exit 2). */
@Command(name = "./mediasync", description = "The local runtime of mediasync and the tools that work on a running stack.",
        subcommands = {UpCommand.class, Demo.class, StatusCommand.class, EnvCommand.class, ControlCommands.Invoke.class,
            ControlCommands.Trigger.class, SendOrderCommand.class, PostbackSecretCommand.class, DlqCommand.class,
            RecordsCommand.class, BenchCommand.class})
final class MediasyncCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
