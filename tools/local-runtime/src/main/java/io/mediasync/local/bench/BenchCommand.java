package io.mediasync.local.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./mediasync bench pipeline|sync|catalog|resync}: the local stack's measurements (not tests). */
@Command(name = "bench", description = "Measurements on the local stack (resize and webp run from tools/bench).",
        subcommands = {PipelineBenchmark.class, OrderCostBenchmark.class, SyncBenchmark.class, CatalogBenchmark.class, ResyncBenchmark.class})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
