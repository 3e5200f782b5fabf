package io.mediasync.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.time.Ticker;
import io.mediasync.testsupport.time.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Runtime API as a function process sees it, over loopback HTTP. */
class RuntimeApiServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anInvocationGoesToTheNewProcessNotToTheLongPollOfOneStopped() throws Exception {
        try (RuntimeApiServer api = new RuntimeApiServer("arn:aws:lambda:us-east-1:000000000000:function:f")) {
            api.newProcess();
            CompletableFuture<HttpResponse<String>> stoppedPoll = next(api);
            awaitPolls(api, 1);
            api.newProcess(); // the first process was stopped while waiting; its poll is still open
            Invocation invocation = new Invocation("{\"n\":1}", 10_000);
            api.submit(invocation);
            // the stopped process's poll ends without the invocation before the new process asks for it
            assertThat(stoppedPoll.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(410);

            HttpResponse<String> taken = next(api).get(10, TimeUnit.SECONDS);
            assertThat(taken.statusCode()).isEqualTo(200);
            assertThat(taken.body()).isEqualTo("{\"n\":1}");
            String requestId = taken.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            assertThat(requestId).isEqualTo(invocation.requestId());

            HttpResponse<String> answered = http.send(HttpRequest.newBuilder(url(api, "invocation/" + requestId + "/response"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"ok\":true}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answered.statusCode()).isEqualTo(202);
            assertThat(invocation.result().get(10, TimeUnit.SECONDS)).isEqualTo(new Invocation.Result(false, "{\"ok\":true}"));
        }
    }

    @Test
    void anInvocationsDurationRunsFromTheEventsHandOutToTheFunctionsAnswer() throws Exception {
        TestClock clock = new TestClock();
        try (RuntimeApiServer api = new RuntimeApiServer("arn:aws:lambda:us-east-1:000000000000:function:f")) {
            api.newProcess();
            Invocation invocation = new Invocation("{\"n\":2}", 10_000, Ticker.of(clock));
            assertThat(invocation.duration()).as("not handed out yet").isEmpty();
            api.submit(invocation);
            clock.advance(Duration.ofMinutes(1)); // the event waits in the queue: never part of its duration
            HttpResponse<String> taken = next(api).get(10, TimeUnit.SECONDS);
            String requestId = taken.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            assertThat(invocation.duration()).as("handed out, not answered").isEmpty();

            clock.advance(Duration.ofMillis(1_250)); // the function works
            http.send(HttpRequest.newBuilder(url(api, "invocation/" + requestId + "/error"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"errorType\":\"E\"}")).build(), HttpResponse.BodyHandlers.ofString());
            clock.advance(Duration.ofSeconds(7)); // after the answer: not billed either

            // the answer is recorded before the runtime acknowledges it, so the send has returned with it
            assertThat(invocation.duration()).contains(Duration.ofMillis(1_250));
        }
    }

    private static void awaitPolls(RuntimeApiServer api, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (api.polling() < count && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(api.polling()).isEqualTo(count);
    }

    private CompletableFuture<HttpResponse<String>> next(RuntimeApiServer api) {
        return http.sendAsync(HttpRequest.newBuilder(url(api, "invocation/next")).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(RuntimeApiServer api, String path) {
        return URI.create("http://" + api.address() + "/2018-06-01/runtime/" + path);
    }
}
