package io.mediasync.local;

import io.mediasync.common.postback.PostbackKind;
import io.mediasync.common.postback.ReceiverSecrets;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code ./mediasync postback-secret [--system] URL}: prints the Standard Webhooks secret a postback receiver at that
 * URL verifies with (derived from the master secret, the receiver's origin and the kind of message: order results,
 * or with {@code --system} the system's own events), for whoever holds the master secret to hand to the
 * receiver's owner. One line per master secret during a rotation, the current first.
 * The master secret: POSTBACK_SECRET, else the local runtime's {@code <data dir>/postback-secret}.
 */
final class PostbackSecretCommand {

    private PostbackSecretCommand() {
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws IOException {
        List<String> given = new java.util.ArrayList<>(List.of(args));
        PostbackKind kind = given.remove("--system") ? PostbackKind.SYSTEM_EVENT : PostbackKind.ORDER_RESULT;
        if (given.size() != 1 || !given.get(0).matches("(?i)https?://.+")) {
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
        List<String> secrets = new ReceiverSecrets(master).secretsFor(URI.create(given.get(0)), kind);
        secrets.forEach(out::println);
        return 0;
    }
}
