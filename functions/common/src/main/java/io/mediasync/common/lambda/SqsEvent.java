package io.mediasync.common.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The event Lambda's SQS event source mapping delivers: a batch of up to 10 messages. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SqsEvent(@JsonProperty("Records") List<SqsMessage> records) {
    public SqsEvent {
        records = records == null ? List.of() : List.copyOf(records);
    }
}
