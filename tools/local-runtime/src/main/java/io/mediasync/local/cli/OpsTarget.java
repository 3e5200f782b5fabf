package io.mediasync.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediasync.testsupport.AwsClients;
import io.mediasync.testsupport.DevStack;
import io.mediasync.testsupport.Endpoints;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Which stack an operator's command works on, and the clients for it. By default the running local stack (its
 * endpoints from its control routes: {@code --http-port N}, {@code --data-dir D}, as {@link RunningStacks} finds it); with {@code --aws} the AWS
 * account of the usual settings (AWS_PROFILE or {@code --profile}, AWS_REGION or {@code --region}) and the
 * records' MongoDB from MONGO_URL or {@code --mongo-url}. The SQS calls are the same either way.
 *
 * @param mongoUrl empty when no MongoDB is known (AWS without MONGO_URL): the records are then not read
 */
record OpsTarget(String where, SqsClient sqs, Optional<String> mongoUrl, String database) implements AutoCloseable {

    static OpsTarget resolve(TargetFlags args, Map<String, String> env) throws IOException, InterruptedException {
        return args.aws ? aws(args, env) : local(args, env);
    }

    private static OpsTarget local(TargetFlags args, Map<String, String> env) throws IOException, InterruptedException {
        ControlClient control = ControlClient.of(args.local.args(), env);
        JsonNode status = control.get("status").json();
        Endpoints endpoints = new Endpoints(URI.create(status.path("sqs").asText()), URI.create(status.path("s3").asText()),
                status.path("mongo").asText(), status.path("region").asText(DevStack.REGION), DevStack.ACCESS_KEY, DevStack.SECRET_KEY);
        String database = args.database().orElse(status.path("database").asText("mediasync_dev"));
        return new OpsTarget("the local stack (SQS " + endpoints.sqs() + ", MongoDB " + endpoints.mongo() + "/" + database + ")",
                AwsClients.sqs(endpoints), Optional.of(endpoints.mongo()), database);
    }

    private static OpsTarget aws(TargetFlags args, Map<String, String> env) {
        String localEndpoint = env.get("AWS_ENDPOINT_URL_SQS");
        if (localEndpoint != null && !localEndpoint.isBlank()) {
            // the SDK would follow it: an operator who means AWS must not be answered by a local stack
            throw new IllegalArgumentException("--aws, but AWS_ENDPOINT_URL_SQS=" + localEndpoint + " is set (from ./mediasync env?): "
                    + "unset AWS_ENDPOINT_URL_SQS AWS_ENDPOINT_URL_S3 AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY, or use a new shell");
        }
        SqsClientBuilder builder = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        args.profile().ifPresentOrElse(p -> builder.credentialsProvider(ProfileCredentialsProvider.create(p)),
                () -> builder.credentialsProvider(DefaultCredentialsProvider.builder().build()));
        args.region().ifPresent(r -> builder.region(Region.of(r)));
        Optional<String> mongo = args.mongoUrl().or(() -> Optional.ofNullable(env.get("MONGO_URL")).filter(s -> !s.isBlank()));
        String database = args.database().orElse(env.getOrDefault("MONGO_DATABASE", "mediasync_dev"));
        String region = args.region().orElse(env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "(the profile's region)")));
        return new OpsTarget("AWS (" + region + args.profile().map(p -> ", profile " + p).orElse("")
                + (mongo.isPresent() ? ", MongoDB database " + database : ", no MONGO_URL: records not read") + ")",
                builder.build(), mongo, database);
    }

    @Override
    public void close() {
        sqs.close();
    }
}
