package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local examples of docs/local-runtime.md (the README's "Try it by hand", moved there with issue 22), run as written by bash from the repository root after the packages
 * are built (the integration-test phase): its {@code ./mediasync up --fresh} block starts the stack
 * through the launcher, and its second-terminal block runs against it. Free ports and a temporary
 * data directory come in through the documented MEDIASYNC_* variables, so a stack the developer
 * runs is left alone. The aws CLI and curl are needed for the second block; without them that test
 * reports itself skipped. Also: a plain AWS SDK for Java program, configured by nothing but
 * {@code eval "$(./mediasync env)"}, reaches the stack's SQS and S3.
 */
class ReadmeExamplesIT {

    private static final String MARK = "<!-- ReadmeExamplesIT";

    static Path root;
    static Path data;
    static Map<String, String> env;
    static Process up;
    static Path upLog;

    @BeforeAll
    static void startTheStackAsTheReadmeSays() throws Exception {
        root = Repo.root();
        data = Files.createTempDirectory("mediasync-readme");
        env = shellEnvironment();
        // the packages Maven just built are what the launcher would build: nothing is stale
        assertThat(run("./mediasync build --dry-run", Duration.ofSeconds(30))).isEqualTo("mediasync: everything is up to date\n");
        upLog = data.resolve("up.log");
        up = bash(blocks().get(0)).redirectErrorStream(true).redirectOutput(upLog.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!Files.readString(upLog).contains("running; Ctrl-C stops")) {
            assertThat(up.isAlive()).as("./mediasync up exited:\n%s", Files.readString(upLog)).isTrue();
            assertThat(System.nanoTime()).as("./mediasync up not ready:\n%s", Files.readString(upLog)).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (up != null) {
            // Ctrl-C, as the README says (SIGTERM to the shell and the runtime it started): the stack stops its functions and servers
            List<ProcessHandle> started = new ArrayList<>(up.descendants().toList());
            started.add(0, up.toHandle());
            started.forEach(ProcessHandle::destroy);
            for (ProcessHandle process : started) {
                try {
                    process.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    process.destroyForcibly(); // whatever did not stop with it
                }
            }
        }
    }

    @Test
    void theSecondTerminalExamplesRunAsWritten() throws Exception {
        assumeTrue(onPath("aws") && onPath("curl"), "the README's examples use the aws CLI and curl, not installed here");

        String output = run(blocks().get(1), Duration.ofMinutes(5));

        assertThat(output).containsPattern("sent to http://127\\.0\\.0\\.1:" + env.get("MEDIASYNC_SQS_PORT")
                + "/000000000000/ImageQueue\\.fifo: message id [0-9a-f-]{36}, group id my-first-order\n");
        assertThat(output).contains("{\"batchItemFailures\":[]}", "images-resized/samples/58a7bbe2e373a294ac9779ba2fa87b0b_250x250.jpeg",
                "HTTP/1.1 200 OK", "Content-type: image/jpeg");
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + env.get("MEDIASYNC_MONGO_PORT"))) {
            MongoCollection<Document> records = mongo.getDatabase("mediasync_dev").getCollection("resize_orders");
            for (String order : List.of("sample-1", "my-first-order", "sent-with-aws")) {
                Await.until(() -> {
                    Document record = records.find(Filters.eq("orderId", order)).first();
                    return record != null && "done".equals(record.getString("status"));
                }, Duration.ofSeconds(60));
            }
        }
    }

    @Test
    void aPlainSdkProgramConfiguredOnlyByTheEnvReachesTheStack() throws Exception {
        String output = run("eval \"$(./mediasync env)\"\nexec java -cp '" + System.getProperty("java.class.path") + "' "
                + SdkFromEnvironment.class.getName() + " mediasync-content", Duration.ofMinutes(1));

        String sqs = "http://127.0.0.1:" + env.get("MEDIASYNC_SQS_PORT");
        assertThat(output).contains("queue " + sqs + "/000000000000/ImageQueue.fifo\n", "bucket images-ch\n",
                "object content/samples/channel-cover.jpg\n");
    }

    /** The blocks after the ReadmeExamplesIT marks of docs/local-runtime.md. */
    static List<String> blocks() throws IOException {
        List<String> lines = Files.readAllLines(root.resolve("docs/local-runtime.md"));
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(MARK)) {
                assertThat(lines.get(i + 1)).as("the line after the mark opens a bash block").isEqualTo("```bash");
                StringBuilder block = new StringBuilder();
                for (i += 2; !lines.get(i).equals("```"); i++) {
                    block.append(lines.get(i)).append('\n');
                }
                blocks.add(block.toString());
            }
        }
        assertThat(blocks).hasSize(2);
        return blocks;
    }

    /** A shell like a new terminal's: no AWS or MEDIASYNC settings of its own, the stack's ports and data directory given. */
    private static Map<String, String> shellEnvironment() throws IOException {
        Map<String, String> shell = new HashMap<>(System.getenv());
        shell.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("MEDIASYNC_") || k.equals("QUEUE_URL") || k.endsWith("_ENDPOINT_URL"));
        for (String port : List.of("SQS", "S3", "MONGO", "HTTP", "IMAGES")) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                shell.put("MEDIASYNC_" + port + "_PORT", Integer.toString(socket.getLocalPort()));
            }
        }
        shell.put("MEDIASYNC_DATA_DIR", data.resolve("state").toString());
        return shell;
    }

    private static ProcessBuilder bash(String script) {
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(root.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder;
    }

    private static String run(String script, Duration timeout) throws IOException, InterruptedException {
        Process process = bash(script).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        boolean ended = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(ended).as("did not end within %s:\n%s", timeout, text).isTrue();
        assertThat(process.exitValue()).as("exit status of\n%s\n---\n%s", script, text).isZero();
        return text;
    }

    private static boolean onPath(String command) {
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
