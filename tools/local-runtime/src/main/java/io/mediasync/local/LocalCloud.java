package io.mediasync.local;

import io.mediasync.common.postback.ReceiverSecrets;
import io.mediasync.common.postback.WebhookSigner;
import io.mediasync.local.runtime.FunctionProcess;
import io.mediasync.local.runtime.Invocation;
import io.mediasync.local.runtime.SqsEventSource;
import io.mediasync.local.servers.HttpGateway;
import io.mediasync.local.servers.ImageServer;
import io.mediasync.local.template.StackModel.FunctionDef;
import io.mediasync.local.template.StackModel.QueueDef;
import io.mediasync.local.template.StackModel;
import io.mediasync.local.template.StackTemplate;
import io.mediasync.testsupport.AwsClients;
import io.mediasync.testsupport.DevStack;
import io.mediasync.testsupport.Endpoints;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole stack on this machine: the devstack servers, the queues and buckets template.yaml
 * declares, every function of the template run from its real package, its SQS event source
 * mappings, its schedules and its HTTP routes. Nothing about the wiring is written here: it all
 * comes from the template.
 */
public final class LocalCloud implements AutoCloseable {

    private final LocalOptions options;
    private final PrintStream out;
    private final DevStack devstack;
    private final Endpoints endpoints;
    private final SqsClient sqs;
    private StackModel model;
    private final String postbackSecret;
    private final Map<String, FunctionProcess> functions = new LinkedHashMap<>();
    private final List<SqsEventSource> eventSources = new ArrayList<>();
    private final ExecutorService pollers = Executors.newCachedThreadPool(r -> daemon(r, "event-source"));
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "schedules"));
    private ScheduleClock schedules;
    private HttpGateway gateway;
    private ImageServer images;
    private long readyMillis;

    public static LocalCloud start(LocalOptions options, PrintStream out) throws IOException {
        return new LocalCloud(options, out);
    }

    private LocalCloud(LocalOptions options, PrintStream out) throws IOException {
        long started = System.currentTimeMillis();
        this.options = options;
        this.out = out;
        Path data = options.dataDir().toAbsolutePath();
        if (options.fresh() && Files.exists(data)) {
            try (var paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(data);
        this.postbackSecret = postbackSecret(data);
        this.devstack = DevStack.start(new DevStack.Launch(options.sqsPort(), options.s3Port(), options.mongoPort(),
                data.resolve("state"), data.resolve("logs/devstack.log")));
        this.endpoints = devstack.endpoints();
        this.sqs = AwsClients.sqs(endpoints);
        try {
            startRest(options, data);
        } catch (IOException | RuntimeException e) {
            // nothing left running behind a failed start: the devstack, the functions started so far
            eventSources.forEach(SqsEventSource::stop);
            pollers.shutdownNow();
            clock.shutdownNow();
            if (images != null) {
                images.close();
            }
            functions.values().forEach(FunctionProcess::close);
            sqs.close();
            devstack.close();
            throw e;
        }
        this.readyMillis = System.currentTimeMillis() - started;
    }

    private void startRest(LocalOptions options, Path data) throws IOException {
        // the results' URLs are this server's: bound before the template is read, whose PublicBaseUrl it is
        this.images = ImageServer.bind(options.imagesPort());
        Map<String, String> parameters = new LinkedHashMap<>(options.parameterOverrides());
        parameters.putIfAbsent("PublicBaseUrl", images.baseUrl());
        Map<String, String> secrets = Map.of("MONGO_URL", endpoints.mongo(), "POSTBACK_SECRET", postbackSecret);
        this.model = StackTemplate.load(options.template(), parameters, endpoints.sqs().toString(), secrets::get);
        images.start(endpoints, resizedBucket());
        StackResources.create(model, sqs, endpoints);
        Path runtimeClient = Path.of(System.getProperty("mediasync.ric", "tools/local-runtime/target/ric")).toAbsolutePath();
        for (FunctionDef f : model.functions()) {
            functions.put(f.name(), new FunctionProcess(f, data, runtimeClient,
                    FunctionEnvironment.of(endpoints, postbackSecret, images.port(), options.environment()), options.quiet() ? null : out));
        }
        startEventSources();
        this.schedules = ScheduleClock.start(functions.values(), clock, out);
        this.gateway = new HttpGateway(this, options.httpPort());
    }

    /** The bucket the resizer writes to, as the template configures it. */
    public Optional<String> resizedBucket() {
        return model.functionSetting("RESIZED_BUCKET");
    }

    /** The bucket the source sync downloads into, where the sample images are too. */
    public Optional<String> contentBucket() {
        return model.functionSetting("CONTENT_BUCKET");
    }

    /** The MongoDB database the functions use, as the template configures it (mediasync_${Stage}). */
    public Optional<String> database() {
        return model.functionSetting("MONGO_DATABASE");
    }


    private void startEventSources() {
        for (FunctionProcess function : functions.values()) {
            for (var source : function.function().sqsSources()) {
                if (!source.enabled()) {
                    continue;
                }
                QueueDef queue = model.queue(source.queueName()).orElseThrow(() -> new IllegalStateException(
                        "template: " + function.function().name() + " polls " + source.queueName() + ", which the template does not declare"));
                SqsEventSource poller = new SqsEventSource(sqs, queue, source, function, options.retryDelay(), out);
                eventSources.add(poller);
                pollers.submit(poller);
            }
        }
    }

    public Optional<Invocation.Result> trigger(String scheduleName) {
        return schedules.trigger(scheduleName);
    }

    public Optional<FunctionProcess> function(String name) {
        return model.function(name).map(f -> functions.get(f.name()));
    }

    public Map<String, FunctionProcess> functions() {
        return functions;
    }

    public StackModel model() {
        return model;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public String postbackSecret() {
        return postbackSecret;
    }

    /** The secret(s) a receiver at this URL verifies its postbacks with: derived from the master secret and its origin. */
    public List<String> receiverSecrets(String receiverUrl) {
        return new ReceiverSecrets(postbackSecret).secretsFor(java.net.URI.create(receiverUrl));
    }

    /** Where this stack keeps its state, logs and postback secret. */
    public Path dataDir() {
        return options.dataDir().toAbsolutePath().normalize();
    }

    public int httpPort() {
        return gateway.port();
    }

    /** Where the resized images open in a browser: the results' PUBLIC_BASE_URL. */
    public String imagesUrl() {
        return images.baseUrl();
    }

    boolean imagesFellBack() {
        return images.fellBack();
    }

    public long readyMillis() {
        return readyMillis;
    }

    public String queueUrl(String name) {
        return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
    }

    /** The endpoints, queues, buckets, collections and functions, for people. */
    public void printSummary() {
        Banner.print(this, options, out);
    }

    private static String postbackSecret(Path data) throws IOException {
        String configured = System.getenv("POSTBACK_SECRET");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = data.resolve("postback-secret");
        if (!Files.isRegularFile(file)) {
            // created readable by its owner only: it signs every postback of this stack
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, WebhookSigner.generateSecret() + "\n");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------")); // one written by an older version
        return Files.readString(file).trim();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        eventSources.forEach(SqsEventSource::stop);
        pollers.shutdownNow();
        clock.shutdownNow();
        gateway.close();
        images.close();
        functions.values().forEach(FunctionProcess::close);
        sqs.close();
        devstack.close();
    }
}
