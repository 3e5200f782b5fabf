package io.mediasync.sourcesync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.testsupport.TestImages;
import io.mediasync.testsupport.emf.EmfLines;
import io.mediasync.testsupport.emf.StdoutCapture;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The downloader's EMF lines after real syncs through the devstack: files new, unchanged and deleted as the events it
 * sent say, the bytes it fetched as the server served them, a rejected order under its reason.
 */
@QuarkusTest
class DownloaderMetricsTest extends SyncTestSupport {

    private static final String F = "source-downloader"; // quarkus.lambda.handler's default in the tests
    private static final long SOURCE = 7301;
    private static final byte[] A = TestImages.swatchJpeg(0x112233);
    private static final byte[] B = TestImages.swatchJpeg(0x445566);
    static SourceServer server;

    @BeforeAll
    static void website() {
        server = new SourceServer();
        server.put("/m/a.jpg", A, "image/jpeg");
        server.put("/m/b.jpg", B, "image/jpeg");
        page("<img src=\"a.jpg\"><img src=\"b.jpg\">");
    }

    private static void page(String images) {
        server.putText("/m/page.html", "<!doctype html><html><body>" + images + "</body></html>", "text/html");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private EmfLines sync() {
        try (StdoutCapture out = new StdoutCapture()) {
            assertThat(failedIds(invoke(SqsEventJson.event(orderRecord(SOURCE, server.url("/m/page.html"), "metrics/")))))
                    .isEmpty();
            return out.emf();
        }
    }

    @Test
    void filesNewUnchangedAndDeletedAndTheBytesFetchedAreCountedPerSync() {
        drainAll(sqs);
        putSource(mongo, newSource(SOURCE, server.url("/m/page.html"), "metrics/"));

        EmfLines first = sync();
        assertThat(drain(sqs, DOWNLOADED)).hasSize(2);
        assertThat(first.sum("FilesNew", F)).isEqualTo(2);
        assertThat(first.sum("FilesUnchanged", F) + first.sum("FilesDeleted", F) + first.sum("FilesFailed", F)).isZero();
        assertThat(first.values("BytesDownloaded", Map.of("Function", F))).containsExactlyInAnyOrder((double) A.length,
                (double) B.length);
        assertThat(first.sum("Done", F)).isEqualTo(1);

        drainAll(sqs);
        EmfLines second = sync(); // the page answers 304: every file unchanged, no body fetched
        assertThat(drain(sqs, SKIPPED)).hasSize(2);
        assertThat(second.sum("FilesUnchanged", F)).isEqualTo(2);
        assertThat(second.sum("FilesNew", F)).isZero();
        assertThat(second.values("BytesDownloaded", Map.of("Function", F))).isEmpty();

        drainAll(sqs);
        page("<img src=\"a.jpg\">");
        EmfLines third = sync();
        assertThat(drain(sqs, DELETED)).hasSize(1);
        assertThat(third.sum("FilesDeleted", F)).isEqualTo(1);
        assertThat(third.sum("FilesUnchanged", F) + third.sum("FilesNew", F)).isEqualTo(1); // a.jpg, kept
    }

    @Test
    void anOrderForAnUnknownSourceIsRejectedUnderItsReason() {
        EmfLines lines;
        try (StdoutCapture out = new StdoutCapture()) {
            invoke(SqsEventJson.event(orderRecord(7399, server.url("/m/page.html"), "metrics/")));
            lines = out.emf();
        }
        assertThat(lines.sum("Rejected", Map.of("Function", F, "Reason", "unknown_source"))).isEqualTo(1);
        assertThat(lines.sum("Done", F)).isZero();
    }
}
