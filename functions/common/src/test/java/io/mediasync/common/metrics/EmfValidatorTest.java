package io.mediasync.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediasync.testsupport.emf.EmfRecord;
import io.mediasync.testsupport.emf.EmfValidator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The test-support validator the metrics tests rely on: it must refuse what CloudWatch would not extract. */
class EmfValidatorTest {

    /** The specification's own example, shortened. */
    private static final String VALID = "{\"_aws\":{\"Timestamp\":1574109732004,\"CloudWatchMetrics\":[{\"Namespace\":\"lambda-function-metrics\","
            + "\"Dimensions\":[[\"functionVersion\"]],\"Metrics\":[{\"Name\":\"time\",\"Unit\":\"Milliseconds\",\"StorageResolution\":60}]}]},"
            + "\"functionVersion\":\"$LATEST\",\"time\":[100,20],\"requestId\":\"989ffbf8\"}";

    @Test
    void theSpecificationsExampleIsReadWithItsDimensionsAndValues() {
        EmfRecord record = EmfValidator.validate(VALID);
        assertThat(record.dimensions()).isEqualTo(Map.of("functionVersion", "$LATEST"));
        assertThat(record.values().get("time")).containsExactly(100.0, 20.0);
        assertThat(record.publishes("time", Map.of("functionVersion", "$LATEST"))).isTrue();
        assertThat(record.publishes("time", Map.of())).isFalse();
    }

    @Test
    void whatTheSpecificationForbidsIsRefused() {
        assertRefused("{not json", "not one JSON object");
        assertRefused(VALID.replace("\"_aws\"", "\"aws\""), "_aws is missing");
        assertRefused(VALID.replace("1574109732004", "\"now\""), "Timestamp");
        assertRefused(VALID.replace("\"functionVersion\":\"$LATEST\",", ""), "dimension \"functionVersion\"");
        assertRefused(VALID.replace("\"time\":[100,20]", "\"time\":\"100\""), "metric \"time\"");
        assertRefused(VALID.replace("\"time\":[100,20]", "\"time\":[]"), "metric \"time\"");
        assertRefused(VALID.replace("\"Unit\":\"Milliseconds\"", "\"Unit\":\"Millis\""), "unit Millis");
        assertRefused(VALID.replace("\"StorageResolution\":60", "\"StorageResolution\":5"), "StorageResolution");
        assertRefused(VALID.replace("\"Namespace\"", "\"Extra\":1,\"Namespace\""), "member Extra");
        String values = IntStream.range(0, 101).mapToObj(Integer::toString).collect(Collectors.joining(","));
        assertRefused(VALID.replace("\"time\":[100,20]", "\"time\":[" + values + "]"), "metric \"time\"");
        String metrics = IntStream.range(0, 101).mapToObj(i -> "{\"Name\":\"m" + i + "\"}").collect(Collectors.joining(","));
        assertRefused(VALID.replace("{\"Name\":\"time\",\"Unit\":\"Milliseconds\",\"StorageResolution\":60}", metrics),
                "at most 100");
        String names = IntStream.range(0, 31).mapToObj(i -> "\"d" + i + "\"").collect(Collectors.joining(","));
        String members = IntStream.range(0, 31).mapToObj(i -> "\"d" + i + "\":\"v\"").collect(Collectors.joining(","));
        assertRefused(VALID.replace("[[\"functionVersion\"]]", "[[" + names + "]]").replace("\"requestId\"", members + ",\"requestId\""),
                "at most 30");
    }

    private static void assertRefused(String line, String why) {
        assertThatThrownBy(() -> EmfValidator.validate(line)).isInstanceOf(AssertionError.class).hasMessageContaining(why);
    }
}
