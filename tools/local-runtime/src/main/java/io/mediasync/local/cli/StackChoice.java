package io.mediasync.local.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which running local stack a client command talks to (see {@link RunningStacks}): null where not given. */
final class StackChoice {

    @Option(names = "--http-port", paramLabel = "N", description = "the stack whose control routes answer on this port")
    Integer httpPort;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "the stack running with this data directory")
    String dataDir;

    /** As the arguments {@link ControlClient#of} and {@link RunningStacks#find} read. */
    String[] args() {
        List<String> args = new ArrayList<>();
        if (httpPort != null) {
            args.addAll(List.of("--http-port", httpPort.toString()));
        }
        if (dataDir != null) {
            args.addAll(List.of("--data-dir", dataDir));
        }
        return args.toArray(String[]::new);
    }
}
