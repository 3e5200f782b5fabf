package io.mediasync.local;

import io.mediasync.testsupport.HttpFixture;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The local stack as the end-to-end tests start it: the repository's template, free ports, its own data directory. */
public final class TestStacks {

    private TestStacks() {
    }

    /** @param flags more of {@code up}'s flags, e.g. {@code --retry-delay PT1S} */
    public static LocalCloud start(Path dataDir, Map<String, String> environment, String... flags) throws IOException {
        List<String> args = new ArrayList<>(List.of("--template", Repo.root().resolve("template.yaml").toString(),
                "--data-dir", dataDir.toString(), "--sqs-port", "0", "--s3-port", "0", "--mongo-port", "0", "--http-port", "0",
                "--images-port", "0", "--quiet"));
        args.addAll(List.of(flags));
        useBuiltRuntimeClient();
        return LocalCloud.start(LocalOptions.parse(args.toArray(String[]::new), environment), new PrintStream(System.out, true));
    }

    /** up's environment letting the functions download from {@code web} (the SSRF guard allows no other loopback server). */
    public static Map<String, String> downloadsFrom(HttpFixture web) {
        return Map.of("FETCH_ALLOW_ORIGINS", "127.0.0.1:" + web.port());
    }

    /** The runtime interface client the build put in target/ric, wherever the test runs from. */
    public static void useBuiltRuntimeClient() {
        System.setProperty("mediasync.ric", Repo.root().resolve("tools/local-runtime/target/ric").toString());
    }
}
