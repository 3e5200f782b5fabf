package io.mediasync.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.local.LocalCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a second terminal finds the running stack. {@code up} writes its endpoints to {@code <data dir>/stack.json}
 * and the same into the registry ({@code <repository>/.mediasync/running/<pid>.json}), and removes both when it
 * stops; an entry whose process is gone is ignored (and removed). The clients ({@code env}, {@code invoke},
 * {@code trigger}, {@code send}, {@code postback-secret}, {@code status}, {@code dlq}, {@code records}) take, in
 * order: {@code --http-port N}; the stack of {@code --data-dir D} or MEDIASYNC_DATA_DIR; MEDIASYNC_HTTP_PORT (set by
 * {@code ./mediasync env}); the only running stack; and refuse to guess when two or more run.
 */
final class RunningStacks {

    static final String FILE = "stack.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which stack is meant cannot be told: the message says why and how to say it. */
    static class Unknown extends IllegalStateException {
        Unknown(String message) {
            super(message);
        }
    }

    /** Two or more stacks run and nothing said which: the message lists them and how to choose. */
    static final class Ambiguous extends Unknown {
        Ambiguous(List<JsonNode> stacks) {
            super(stacks.size() + " local stacks are running: " + String.join("; ", stacks.stream().map(s -> "--data-dir "
                    + s.path("dataDir").asText() + " (--http-port " + s.path("http").asInt() + ")").toList())
                    + ". Say which with --data-dir D or --http-port N, or eval \"$(./mediasync env --data-dir D)\"");
        }
    }

    private RunningStacks() {
    }

    static Path registry() {
        return Path.of(System.getProperty("mediasync.root", ".")).toAbsolutePath().normalize().resolve(".mediasync/running");
    }

    /** Records a started stack; the returned runnable forgets it (for a shutdown hook). */
    static Runnable record(LocalCloud cloud, Path dataDir, Path registry) throws IOException {
        ObjectNode stack = JSON.createObjectNode();
        stack.put("pid", ProcessHandle.current().pid());
        stack.put("dataDir", dataDir.toAbsolutePath().normalize().toString());
        stack.put("http", cloud.httpPort());
        stack.put("sqs", cloud.endpoints().sqs().toString());
        stack.put("s3", cloud.endpoints().s3().toString());
        stack.put("mongo", cloud.endpoints().mongo());
        cloud.database().ifPresent(db -> stack.put("database", db));
        stack.put("images", cloud.imagesUrl());
        stack.put("region", cloud.endpoints().region());
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(stack) + "\n";
        Path own = dataDir.resolve(FILE);
        Path entry = registry.resolve(ProcessHandle.current().pid() + ".json");
        Files.writeString(own, text);
        Files.createDirectories(registry);
        Files.writeString(entry, text);
        return () -> {
            try {
                Files.deleteIfExists(own);
                Files.deleteIfExists(entry);
            } catch (IOException e) {
                // stale entries are recognized by their process being gone
            }
        };
    }

    /** The running stack the arguments and environment point at, if any; {@link Ambiguous} when they do not choose among several. */
    static Optional<JsonNode> find(String[] args, Map<String, String> env, Path registry) {
        String dataDir = env.get("MEDIASYNC_DATA_DIR");
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--http-port")) {
                return Optional.empty(); // a port said outright: no lookup
            }
            if (args[i].equals("--data-dir")) {
                dataDir = args[i + 1];
            }
        }
        if (dataDir != null && !dataDir.isBlank()) {
            String dir = dataDir;
            Path file = Path.of(dir).resolve(FILE);
            return Optional.of(read(file).orElseThrow(() -> new Unknown("no local stack runs with data directory " + dir
                    + " (no " + file + " of a live process): start one with ./mediasync up --data-dir " + dir)));
        }
        if (env.containsKey("MEDIASYNC_HTTP_PORT")) {
            return Optional.empty();
        }
        List<JsonNode> running = running(registry);
        if (running.size() > 1) {
            throw new Ambiguous(running);
        }
        return running.stream().findFirst();
    }

    static List<JsonNode> running(Path registry) {
        List<JsonNode> stacks = new ArrayList<>();
        if (!Files.isDirectory(registry)) {
            return stacks;
        }
        try (Stream<Path> entries = Files.list(registry)) {
            entries.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> read(p).ifPresentOrElse(stacks::add, () -> {
                try {
                    Files.deleteIfExists(p); // its process is gone
                } catch (IOException e) {
                    // left for the next look
                }
            }));
        } catch (IOException e) {
            return stacks;
        }
        return stacks;
    }

    /** A stack file whose process still runs. */
    private static Optional<JsonNode> read(Path file) {
        try {
            JsonNode stack = JSON.readTree(Files.readString(file));
            boolean alive = ProcessHandle.of(stack.path("pid").asLong(-1)).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(stack) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
