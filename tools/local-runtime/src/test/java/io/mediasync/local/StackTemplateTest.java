package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.local.template.StackModel;
import io.mediasync.local.template.StackModel.FunctionDef;
import io.mediasync.local.template.StackModel.QueueDef;
import io.mediasync.local.template.StackTemplate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local runtime reads the real template.yaml the way CloudFormation would resolve it. */
class StackTemplateTest {

    private static StackModel load(Map<String, String> overrides) throws Exception {
        return StackTemplate.load(Repo.root().resolve("template.yaml"), overrides, "http://127.0.0.1:9324",
                name -> "local-" + name);
    }

    @Test
    void resizerIsWiredToBothOrderQueuesWithPartialBatchFailures() throws Exception {
        StackModel model = load(LocalOptions.localParameters());
        FunctionDef resizer = model.function("image-resizer").orElseThrow();
        assertThat(resizer.name()).isEqualTo("mediasync-dev-image-resizer");
        assertThat(resizer.runtime()).isEqualTo("java21");
        assertThat(resizer.handler()).isEqualTo("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
        assertThat(resizer.codeUri()).isEqualTo(Repo.root().resolve("functions/image-resizer/target/function.zip"));
        assertThat(resizer.environment()).containsEntry("QUARKUS_LAMBDA_HANDLER", "image-resizer")
                .containsEntry("RESIZED_BUCKET", "images-ch")
                .containsEntry("POSTBACK_SECRET", "local-POSTBACK_SECRET")
                .containsEntry("MAX_RECEIVE_COUNT", "5");
        assertThat(resizer.sqsSources()).extracting(source -> source.queueName())
                .containsExactly("ImageQueue.fifo", "InternalImageQueue.fifo");
        assertThat(resizer.sqsSources()).allSatisfy(source -> {
            assertThat(source.batchSize()).isEqualTo(1);
            assertThat(source.reportBatchItemFailures()).isTrue();
        });
    }

    @Test
    void imageQueueIsFifoWithAFifoDeadLetterQueue() throws Exception {
        StackModel model = load(LocalOptions.localParameters());
        QueueDef queue = model.queue("ImageQueue.fifo").orElseThrow();
        assertThat(queue.fifo()).isTrue();
        assertThat(queue.deadLetterQueue()).contains("ImageQueue-dlq.fifo");
        assertThat(queue.maxReceiveCount()).isEqualTo(5);
        assertThat(model.queue("ImageQueue-dlq.fifo").orElseThrow().fifo()).isTrue();
        assertThat(model.buckets()).contains("images-ch", "mediasync-content");
    }

    @Test
    void parametersAndConditionsAreHonoured() throws Exception {
        Map<String, String> overrides = new java.util.HashMap<>(LocalOptions.localParameters());
        overrides.put("PackageType", "native");
        overrides.put("CreateChannelImagesQueue", "false");
        overrides.put("ImageQueueName", "Orders-test.fifo");
        StackModel model = load(overrides);
        FunctionDef resizer = model.function("image-resizer").orElseThrow();
        assertThat(resizer.runtime()).isEqualTo("provided.al2023");
        assertThat(resizer.handler()).isEqualTo("bootstrap");
        assertThat(model.queue("ChannelImages")).isEmpty();
        assertThat(model.queue("Orders-test-dlq.fifo")).isPresent();
        assertThat(resizer.sqsSources().get(0).queueName()).isEqualTo("Orders-test.fifo");
    }
}
