package io.mediasync.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.local.LocalOptions;
import io.mediasync.local.servers.ImageServer;
import io.mediasync.local.template.StackTemplate;
import io.mediasync.testsupport.DevStack;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ./mediasync env [--http-port N]}: the shell lines that point the plain {@code aws} CLI,
 * the AWS SDKs (service endpoints from {@code AWS_ENDPOINT_URL_<SERVICE>}) and MongoDB clients at
 * the local stack: {@code eval "$(./mediasync env)"}. The endpoints of the running stack, else the
 * ones {@code ./mediasync up} will use (said on stderr).
 */
@Command(name = "env", description = {"Export lines for the aws CLI, AWS SDKs and MongoDB clients: eval \"$(./mediasync env)\"",
        "The running stack's endpoints, else the ones ./mediasync up will use (said on stderr)."})
final class EnvCommand implements Callable<Integer> {

    private final Cli.Io io;
    @Mixin
    private StackChoice stack;

    EnvCommand(Cli.Io io) {
        this.io = io;
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return Cli.command("env", args, env, out, err);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Map<String, String> env = io.env();
        PrintStream out = io.out();
        PrintStream err = io.err();
        ControlClient control;
        JsonNode status;
        try {
            control = ControlClient.of(stack.args(), env);
            status = control.get("status").json();
        } catch (ControlClient.NoRuntime | RunningStacks.Unknown e) {
            if (e instanceof RunningStacks.Ambiguous ambiguous) {
                throw ambiguous; // two run: which one is for the user to say
            }
            control = new ControlClient(Integer.parseInt(env.getOrDefault("MEDIASYNC_HTTP_PORT", "3000")));
            err.println("# " + (e instanceof ControlClient.NoRuntime ? "no local runtime answers on 127.0.0.1:" + control.port() + " yet"
                    : e.getMessage()) + ": these are the endpoints ./mediasync up will use");
            status = defaults(env);
        }
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("AWS_ENDPOINT_URL_SQS", status.path("sqs").asText());
        vars.put("AWS_ENDPOINT_URL_S3", status.path("s3").asText());
        vars.put("AWS_REGION", status.path("region").asText());
        vars.put("AWS_DEFAULT_REGION", status.path("region").asText()); // aws CLI v1 reads this one
        vars.put("AWS_ACCESS_KEY_ID", DevStack.ACCESS_KEY);
        vars.put("AWS_SECRET_ACCESS_KEY", DevStack.SECRET_KEY);
        vars.put("MONGO_URL", status.path("mongo").asText());
        if (status.hasNonNull("database")) {
            vars.put("MONGO_DATABASE", status.path("database").asText());
        }
        vars.put("MEDIASYNC_HTTP_PORT", Integer.toString(control.port())); // ./mediasync invoke/trigger/env find the same stack
        if (status.hasNonNull("dataDir")) {
            vars.put("MEDIASYNC_DATA_DIR", status.path("dataDir").asText()); // and postback-secret its secret
        }
        vars.put("MEDIASYNC_IMAGES_URL", status.path("images").asText());
        out.println("# the local mediasync stack, for the aws CLI, AWS SDKs and MongoDB clients: eval \"$(./mediasync env)\"");
        vars.forEach((name, value) -> out.println("export " + name + "='" + value + "'"));
        out.println("unset AWS_SESSION_TOKEN AWS_PROFILE  # a real session's token or profile must not mix with the test keys");
        return 0;
    }

    /** What a stack started now with the same settings (MEDIASYNC_* variables) would serve. */
    private static JsonNode defaults(Map<String, String> env) throws IOException {
        LocalOptions options = LocalOptions.parse(new String[0], env);
        String database = StackTemplate.load(options.template(), options.parameterOverrides(), "http://127.0.0.1", name -> "local")
                .functionSetting("MONGO_DATABASE").orElse(null);
        ObjectNode status = new ObjectMapper().createObjectNode();
        status.put("sqs", "http://127.0.0.1:" + options.sqsPort());
        status.put("s3", "http://127.0.0.1:" + options.s3Port());
        status.put("mongo", "mongodb://127.0.0.1:" + options.mongoPort());
        status.put("region", DevStack.REGION);
        status.put("dataDir", options.dataDir().toAbsolutePath().normalize().toString());
        status.put("images", "http://127.0.0.1:" + options.imagesPort().orElse(ImageServer.DEFAULT_PORT));
        if (database != null) {
            status.put("database", database);
        }
        return status;
    }
}
