package io.mediasync.local;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./mediasync demo [part]}: each demo starts the stack from template.yaml on free ports with a fresh data
 * directory of its own ({@code .mediasync/demo}, {@code .mediasync/demo-<part>}), runs, verifies what it did and
 * exits 0 only if every check held. Without a part, the whole system ({@link SystemDemo}).
 */
final class Demo {

    static final List<String> PARTS = List.of("resize", "sync", "resync", "catalog");

    private Demo() {
    }

    static int run(String[] args, PrintStream out) throws Exception {
        String part = args.length > 0 && !args[0].startsWith("-") ? args[0] : "";
        if (!part.isEmpty() && !PARTS.contains(part)) {
            System.err.println("mediasync: unknown demo '" + part + "' (known: the whole system without a name, " + String.join(", ", PARTS) + ")");
            return 2;
        }
        List<String> flags = new ArrayList<>(List.of("--fresh", "--quiet", "--data-dir", ".mediasync/demo" + (part.isEmpty() ? "" : "-" + part),
                "--sqs-port", "0", "--s3-port", "0", "--mongo-port", "0", "--http-port", "0", "--retry-delay", "PT2S"));
        flags.addAll(List.of(args).subList(part.isEmpty() ? 0 : 1, args.length));
        if (part.isEmpty()) {
            return SystemDemo.run(flags, out);
        }
        if (part.equals("catalog")) { // its own catalog API first: the stack takes the API's URL from its environment
            return CatalogDemo.run(flags, out);
        }
        LocalOptions options = LocalOptions.parse(flags.toArray(String[]::new), System.getenv());
        out.println("==> starting the local stack from " + options.template() + " (fresh state in " + options.dataDir() + ")");
        return switch (part) {
            case "resize" -> ResizeDemo.run(options, out);
            case "sync" -> SyncDemo.run(options, out);
            default -> ResyncDemo.run(options, out);
        };
    }
}
