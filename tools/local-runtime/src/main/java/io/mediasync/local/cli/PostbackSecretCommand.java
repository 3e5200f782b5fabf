package io.mediasync.local.cli;

import io.mediasync.common.postback.PostbackKind;
import io.mediasync.common.postback.ReceiverSecrets;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./mediasync postback-secret [--system] URL}: prints the Standard Webhooks secret a postback receiver at that
 * URL verifies with (derived from the master secret, the receiver's origin and the kind of message: order results,
 * or with {@code --system} the system's own events), for whoever holds the master secret to hand to the
 * receiver's owner. One line per master secret during a rotation, the current first.
 * The master secret: POSTBACK_SECRET, else the local runtime's {@code <data dir>/postback-secret}.
 */
@Command(name = "postback-secret", description = {"The Standard Webhooks secret a postback receiver at URL verifies with, derived "
        + "from the master POSTBACK_SECRET (else the local stack's <data dir>/postback-secret) and the URL's origin.",
    "One line per master secret during a rotation, the current first."})
final class PostbackSecretCommand implements Callable<Integer> {

    private final Cli.Io io;
    @Option(names = "--system", description = "the secret of the system's own events (e.g. a source synchronized); default: order results")
    private boolean system;
    @Parameters(arity = "0..1", paramLabel = "URL", description = "the receiver, e.g. https://receiver.example.com/path")
    private String url;

    PostbackSecretCommand(Cli.Io io) {
        this.io = io;
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return Cli.command("postback-secret", args, env, out, err);
    }

    @Override
    public Integer call() throws IOException {
        Map<String, String> env = io.env();
        PrintStream err = io.err();
        PostbackKind kind = system ? PostbackKind.SYSTEM_EVENT : PostbackKind.ORDER_RESULT;
        if (url == null || !url.matches("(?i)https?://.+")) {
            err.println("usage: ./mediasync postback-secret [--system] https://receiver.example.com/path"
                    + "   (--system: the secret of the system's own events, e.g. a source synchronized; default: order results)");
            return 2;
        }
        String master = env.get("POSTBACK_SECRET");
        if (master == null || master.isBlank()) {
            // the running stack's (MEDIASYNC_DATA_DIR's, or the only one running), else the default data directory's
            String named = env.get("MEDIASYNC_DATA_DIR");
            Path dir = named != null && !named.isBlank() ? Path.of(named)
                    : RunningStacks.find(new String[0], env, RunningStacks.registry()).map(s -> Path.of(s.path("dataDir").asText()))
                            .orElse(Path.of(".mediasync"));
            Path file = dir.resolve("postback-secret");
            if (!Files.isRegularFile(file)) {
                err.println("no master secret: set POSTBACK_SECRET, or start the local stack once (./mediasync up) to create "
                        + file);
                return 1;
            }
            master = Files.readString(file).trim();
        }
        List<String> secrets = new ReceiverSecrets(master).secretsFor(URI.create(url), kind);
        secrets.forEach(io.out()::println);
        return 0;
    }
}
