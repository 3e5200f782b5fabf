package io.mediasync.local.demo;

import io.mediasync.local.LocalOptions;
import io.mediasync.local.StackFlags;
import io.mediasync.local.cli.Cli;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ./mediasync demo [part]}: each demo starts the stack from template.yaml on free ports with a fresh data
 * directory of its own ({@code .mediasync/demo}, {@code .mediasync/demo-<part>}), runs, verifies what it did and
 * exits 0 only if every check held. Without a part, the whole system ({@link SystemDemo}).
 */
@Command(name = "demo", description = {"The whole system once, or one part of it, on a fresh stack of its own (free ports, "
        + "data in .mediasync/demo[-PART]); exit 0 only if every check held.", "The options of up apply too."})
public final class Demo implements Callable<Integer> {

    static final List<String> PARTS = List.of("resize", "sync", "resync", "catalog");

    private final Cli.Io io;
    @Parameters(arity = "0..1", paramLabel = "PART", defaultValue = "", description = "none: the whole system; resize: seed 004's "
            + "orders; sync: a podcast synced; resync: channels re-synced by their schedules; catalog: seed 003's endpoints")
    private String part;
    @Mixin
    private StackFlags flags;

    Demo(Cli.Io io) {
        this.io = io;
    }

    /** The demo of {@code args} (a part first, then options), printing on {@code out}. */
    static int run(String[] args, PrintStream out) {
        return Cli.command("demo", args, System.getenv(), out, System.err);
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = io.out();
        if (!part.isEmpty() && !PARTS.contains(part)) {
            io.err().println("mediasync: unknown demo '" + part + "' (known: the whole system without a name, " + String.join(", ", PARTS) + ")");
            return 2;
        }
        flags.forDemo(part);
        if (part.isEmpty()) {
            return SystemDemo.run(flags, out);
        }
        if (part.equals("catalog")) { // its own catalog API first: the stack takes the API's URL from its environment
            return CatalogDemo.run(flags, out);
        }
        LocalOptions options = flags.resolve(io.env());
        out.println("==> starting the local stack from " + options.template() + " (fresh state in " + options.dataDir() + ")");
        return switch (part) {
            case "resize" -> ResizeDemo.run(options, out);
            case "sync" -> SyncDemo.run(options, out);
            default -> ResyncDemo.run(options, out);
        };
    }
}
