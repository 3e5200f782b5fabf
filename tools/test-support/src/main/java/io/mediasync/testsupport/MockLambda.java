package io.mediasync.testsupport;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Invokes the function of a {@code @QuarkusTest} through Quarkus' Lambda mock event server (where
 * RestAssured points in a Lambda test), as the Lambda runtime hands an event over.
 */
public final class MockLambda {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MockLambda() {
    }

    /** POSTs the event JSON; returns the function's answer. */
    public static JsonNode invoke(String eventJson) {
        String answer = given().contentType("application/json").accept("application/json").body(eventJson)
                .when().post().then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(answer);
        } catch (Exception e) {
            throw new AssertionError("function answer is not JSON: " + answer, e);
        }
    }

    /** The message ids an SQS handler's partial batch response reports as failed. */
    public static List<String> failedIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("batchItemFailures").forEach(f -> ids.add(f.path("itemIdentifier").asText()));
        return ids;
    }
}
