package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.mediasync.testsupport.DevStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A MongoDB shell's probes on connecting (commands mongo-java-server does not implement) are answered CommandNotFound,
 * as by a real server, and leave devstack.log quiet; a real problem still shows there.
 */
class DevstackQuietTest {

    @Test
    void aShellsProbesLeaveTheLogQuiet() throws Exception {
        Path data = Files.createTempDirectory("devstack-quiet");
        Path log = data.resolve("devstack.log");
        DevStack devstack = DevStack.start(new DevStack.Launch(0, 0, 0, data.resolve("state"), log));
        try (MongoClient mongo = MongoClients.create(devstack.endpoints().mongo())) {
            for (String probe : List.of("atlasVersion", "getCmdLineOpts", "hostInfo", "getFreeMonitoringStatus")) {
                try {
                    mongo.getDatabase("admin").runCommand(new Document(probe, 1));
                } catch (MongoCommandException e) {
                    assertThat(e.getErrorCode()).as(probe).isEqualTo(59);
                }
            }
            assertThat(mongo.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok")).isEqualTo(1.0);
        } finally {
            devstack.close(); // its log is complete once it has exited
        }
        assertThat(Files.readString(log)).doesNotContain("NoSuchCommandException").doesNotContain("failed to handle");
    }
}
