package io.mediasync.sourcesync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.testsupport.TestImages;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A website with two images, and the checks on what a failed sync records. */
abstract class BadSourcesFixture extends SyncTestSupport {

    static SourceServer server;

    @BeforeAll
    static void website() {
        server = new SourceServer();
        server.put("/img/a.jpg", TestImages.swatchJpeg(0x0000FF), "image/jpeg");
        server.put("/img/b.jpg", TestImages.swatchJpeg(0x00FF00), "image/jpeg");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void emptyQueues() {
        drainAll(sqs);
    }

    String goodFeed(String... images) {
        List<Feeds.Episode> episodes = java.util.Arrays.stream(images)
                .map(path -> new Feeds.Episode("id-" + path, null, path, "image/jpeg")).toList();
        return Feeds.podcast(server.url(""), "Mon, 01 Jan 2024 10:00:00 GMT", null, null, episodes);
    }

    /** Runs one order; returns the ids SQS should deliver again. */
    List<String> sync(long sourceId, String path) {
        return failedIds(invoke(SqsEventJson.event(orderRecord(sourceId, server.url(path), "bad/"))));
    }

    void assertFailed(long sourceId, String status, String code, String reasonPart) {
        Document source = source(mongo, sourceId);
        assertThat(source.getString("lastSyncStatus")).isEqualTo(status);
        Document error = source.get("lastError", Document.class);
        assertThat(error.getString("code")).isEqualTo(code);
        assertThat(error.getString("reason")).contains(reasonPart);
        assertThat(error.get("at")).isNotNull();
        assertThat(drain(sqs, SYNCHRONIZED)).as("a failed sync is not announced as synchronized").isEmpty();
    }
}
