package io.mediasync.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/** What invoked the function, from the event's shape (each source's documented JSON). */
enum EventShape {
    /** API Gateway HTTP API, payload format 2.0: {@code version} "2.0" and {@code requestContext.http}. */
    HTTP,
    /** SQS event source mapping: {@code Records[*].eventSource} "aws:sqs". */
    SQS,
    /** EventBridge Scheduler's input (the template's {@code {"trigger": "schedule"}}), or a manual invoke. */
    SCHEDULE;

    static EventShape of(JsonNode event) {
        if (event == null || !event.isObject()) {
            return SCHEDULE;
        }
        if ("2.0".equals(event.path("version").asText()) && event.path("requestContext").path("http").isObject()) {
            return HTTP;
        }
        JsonNode records = event.path("Records");
        if (records.isArray() && !records.isEmpty() && "aws:sqs".equals(records.get(0).path("eventSource").asText())) {
            return SQS;
        }
        return SCHEDULE;
    }
}
