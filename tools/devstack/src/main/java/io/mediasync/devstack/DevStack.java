package io.mediasync.devstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.elasticmq.server.config.ElasticMQServerConfig;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * Starts the three real-protocol servers mediasync needs without Docker, on loopback, and prints
 * one JSON line with their endpoints once all of them accept connections:
 * {@code {"ready":true,"sqs":"http://127.0.0.1:9324","s3":"http://127.0.0.1:9000","mongo":"mongodb://127.0.0.1:27017"}}.
 *
 * <p>It runs in its own JVM so that the servers' libraries (Scala/Pekko, Jetty, Netty) never meet
 * the functions' classpath.
 */
public final class DevStack {

    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";
    public static final String REGION = "us-east-1";

    private static final MongoVersion MONGO_5_0 = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(5, 0, 0);
        }

        @Override
        public int getWireVersion() {
            return 13;
        }
    };

    private final List<AutoCloseable> running = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        DevStackOptions options = DevStackOptions.parse(args);
        String busy = busyPort(options);
        if (busy != null) { // one line for the parent, and nothing started: a port in use ends us at once
            System.out.println(failure(busy));
            System.exit(3);
        }
        DevStack stack = new DevStack();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-stop"));
        String endpoints;
        try {
            endpoints = stack.start(options);
        } catch (Throwable e) {
            // ElasticMQ's threads would keep a half-started JVM alive: say why, stop what started, and go
            System.out.println(failure("could not start: " + e));
            System.out.flush();
            stack.stop();
            Runtime.getRuntime().halt(1);
            return;
        }
        System.out.println(endpoints);
        System.out.flush();
        if (options.exitOnStdinEof()) {
            // the parent (a test JVM) holds our stdin: when it dies, we go too, leaving no stray servers
            drain(System.in);
            System.exit(0);
        }
        new CountDownLatch(1).await();
    }

    String start(DevStackOptions o) throws Exception {
        int sqsPort = o.sqsPort() == 0 ? freePort(o.host()) : o.sqsPort();
        int s3Port = o.s3Port() == 0 ? freePort(o.host()) : o.s3Port();
        int mongoPort = o.mongoPort() == 0 ? freePort(o.host()) : o.mongoPort();

        startSqs(o, sqsPort);

        BlobStore blobs = o.dataDir() == null ? new TransientNio2BlobStore()
                : new FilesystemNio2BlobStore(Files.createDirectories(o.dataDir().resolve("s3")).toString());
        S3Proxy s3 = S3Proxy.builder().blobStore(blobs)
                .endpoint(URI.create("http://" + o.host() + ":" + s3Port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        s3.start();
        while (!"STARTED".equals(s3.getState())) {
            Thread.sleep(10);
        }
        running.add(s3::stop);

        // Report MongoDB 5.0 as a real 5.0 server does (wire version 13): mongo-java-server's own
        // MONGO_5_0 reports 8, which current drivers (PyMongo 4.18: at least 9) refuse
        MongoBackend backend = o.dataDir() == null ? new MemoryBackend()
                : new H2Backend(Files.createDirectories(o.dataDir().resolve("mongo")).resolve("mongo.mv").toString());
        MongoServer mongo = new MongoServer(backend.version(MONGO_5_0));
        mongo.bind(new InetSocketAddress(o.host(), mongoPort));
        running.add(mongo::shutdownNow);

        String host = o.host().contains(":") ? "[" + o.host() + "]" : o.host();
        return "{\"ready\":true,\"sqs\":\"http://" + host + ":" + sqsPort + "\",\"s3\":\"http://" + host + ":" + s3Port
                + "\",\"mongo\":\"mongodb://" + host + ":" + mongoPort + "\",\"region\":\"" + REGION
                + "\",\"accessKey\":\"" + ACCESS_KEY + "\",\"secretKey\":\"" + SECRET_KEY + "\"}";
    }

    /**
     * ElasticMQ as its own server module runs it, behind {@link GuardedSqs}' loopback check: with a data
     * directory, queue definitions and messages (H2) survive a restart; without one, everything stays in memory.
     */
    private void startSqs(DevStackOptions o, int port) throws Exception {
        StringBuilder conf = new StringBuilder()
                .append("node-address { protocol = http, host = \"").append(o.host()).append("\", port = ").append(port)
                .append(", context-path = \"\" }\n")
                .append("rest-sqs { enabled = true, bind-port = ").append(port).append(", bind-hostname = \"").append(o.host())
                .append("\", sqs-limits = strict }\n")
                .append("rest-stats { enabled = false }\n")
                .append("aws { region = ").append(REGION).append(", accountId = \"000000000000\" }\n");
        if (o.dataDir() != null) {
            Path sqsDir = Files.createDirectories(o.dataDir().resolve("sqs"));
            conf.append("queues-storage { enabled = true, path = \"").append(sqsDir.resolve("queues.conf")).append("\" }\n")
                    .append("messages-storage { enabled = true, uri = \"jdbc:h2:").append(sqsDir.resolve("messages"))
                    .append("\", prune-data-on-init = false }\n");
        }
        Config config = ConfigFactory.parseString(conf.toString()).withFallback(ConfigFactory.load());
        running.add(GuardedSqs.start(new ElasticMQServerConfig(config), o.host(), port));
        waitForPort(o.host(), port);
    }

    private static void waitForPort(String host, int port) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new InetSocketAddress(host, port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("SQS did not start listening on " + host + ":" + port);
    }

    void stop() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("devstack: stopping a server failed: " + e);
            }
        }
        running.clear();
    }

    /** The first of the asked ports (0 = any) that something else listens on, said for people; null when all are free. */
    static String busyPort(DevStackOptions o) {
        String[][] ports = {{"SQS", Integer.toString(o.sqsPort())}, {"S3", Integer.toString(o.s3Port())}, {"MongoDB", Integer.toString(o.mongoPort())}};
        for (String[] p : ports) {
            int port = Integer.parseInt(p[1]);
            if (port != 0 && inUse(o.host(), port)) {
                return "port " + port + " (" + p[0] + ") on " + o.host() + " is in use";
            }
        }
        return null;
    }

    static boolean inUse(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** The line the parent reads instead of the endpoints: {"ready":false,"error":"…"}. */
    static String failure(String error) {
        return "{\"ready\":false,\"error\":\"" + error.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"}";
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        }
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // keep reading until the parent closes the pipe
            }
        } catch (IOException ignored) {
            // a broken pipe means the parent is gone
        }
    }

    record DevStackOptions(String host, int sqsPort, int s3Port, int mongoPort, Path dataDir, boolean exitOnStdinEof) {
        static DevStackOptions parse(String[] args) {
            String host = "127.0.0.1";
            int sqs = 9324, s3 = 9000, mongo = 27017;
            Path data = null;
            boolean stdin = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--host" -> host = args[++i];
                    case "--sqs-port" -> sqs = Integer.parseInt(args[++i]);
                    case "--s3-port" -> s3 = Integer.parseInt(args[++i]);
                    case "--mongo-port" -> mongo = Integer.parseInt(args[++i]);
                    case "--data-dir" -> data = Path.of(args[++i]);
                    case "--exit-on-stdin-eof" -> stdin = true;
                    default -> throw new IllegalArgumentException("devstack: unknown option " + args[i]
                            + " (known: --host, --sqs-port, --s3-port, --mongo-port, --data-dir, --exit-on-stdin-eof)");
                }
            }
            return new DevStackOptions(host, sqs, s3, mongo, data, stdin);
        }
    }
}
