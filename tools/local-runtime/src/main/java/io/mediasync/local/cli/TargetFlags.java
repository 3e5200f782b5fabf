package io.mediasync.local.cli;

import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which stack an operator's command ({@code dlq}, {@code records}) works on: the running local one, or with --aws the AWS one. */
final class TargetFlags {

    @Mixin
    StackChoice local = new StackChoice();
    @Option(names = "--aws", description = "the AWS stack of AWS_PROFILE/AWS_REGION instead of the local one")
    boolean aws;
    @Option(names = "--profile", paramLabel = "P", description = "with --aws: this AWS profile")
    String profile;
    @Option(names = "--region", paramLabel = "R", description = "with --aws: this region")
    String region;
    @Option(names = "--mongo-url", paramLabel = "URL", description = "with --aws: the records' MongoDB (default: MONGO_URL)")
    String mongoUrl;
    @Option(names = "--database", paramLabel = "NAME", description = "the records' database (default: the stack's, or MONGO_DATABASE)")
    String database;

    Optional<String> profile() {
        return Optional.ofNullable(profile);
    }

    Optional<String> region() {
        return Optional.ofNullable(region);
    }

    Optional<String> mongoUrl() {
        return Optional.ofNullable(mongoUrl);
    }

    Optional<String> database() {
        return Optional.ofNullable(database);
    }
}
