package io.mediasync.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The operator's commands before any call: what they refuse, and which stack --aws means. No traffic leaves the machine. */
class OpsCommandsTest {

    @Test
    void awsIsRefusedInAShellPointedAtTheLocalStack() {
        TargetFlags args = aws("--aws", "--region", "eu-central-1");
        assertThatThrownBy(() -> OpsTarget.resolve(args, Map.of("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9324")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AWS_ENDPOINT_URL_SQS=http://127.0.0.1:9324 is set")
                .hasMessageContaining("unset AWS_ENDPOINT_URL_SQS");
    }

    @Test
    void awsTakesTheUsualRegionAndTheRecordsFromMongoUrl() throws Exception {
        TargetFlags args = aws("--aws", "--region", "eu-central-1");
        try (OpsTarget target = OpsTarget.resolve(args, Map.of())) {
            assertThat(target.where()).isEqualTo("AWS (eu-central-1, no MONGO_URL: records not read)");
            assertThat(target.mongoUrl()).isEmpty();
        }
        try (OpsTarget target = OpsTarget.resolve(args, Map.of("MONGO_URL", "mongodb://db.example:27017", "MONGO_DATABASE", "mediasync_prod"))) {
            assertThat(target.mongoUrl()).hasValue("mongodb://db.example:27017");
            assertThat(target.database()).isEqualTo("mediasync_prod");
        }
    }

    @Test
    void aRedriveMustSayWhichMessagesAndOptionsAreChecked() throws Exception {
        assertThat(dlq("redrive", "ImageQueue-dlq.fifo")).startsWith("2 dlq redrive: say which messages: --all, --reason CODE or --id ID");
        assertThat(dlq("show")).startsWith("2 usage: ./mediasync dlq");
        assertThat(dlq("list", "--frobnicate")).startsWith("2 dlq: unknown option --frobnicate");
        assertThat(dlq("redrive", "Q", "--reason")).startsWith("2 dlq: --reason needs a value");
    }

    private static TargetFlags aws(String... args) {
        TargetFlags flags = new TargetFlags();
        new CommandLine(flags).parseArgs(args);
        return flags;
    }

    private static String dlq(String... args) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DlqCommand.run(args, Map.of(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        return status + " " + err.toString(StandardCharsets.UTF_8);
    }
}
