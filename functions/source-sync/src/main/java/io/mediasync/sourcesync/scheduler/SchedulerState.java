package io.mediasync.sourcesync.scheduler;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.mediasync.sourcesync.config.SchedulerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Where the last all-sources run stopped: {@code {_id: "all-sources", window, resumeAfter (a source_id, absent when
 * it went through), stopped ("deadline", "completed"), ordered, at}}. The next run starts after {@code resumeAfter}
 * and wraps around, so a collection larger than one invocation is ordered in turn, never only its first part.
 */
@ApplicationScoped
public class SchedulerState {

    private static final String ID = "all-sources";

    private final MongoCollection<Document> state;
    private final Clock clock;

    public SchedulerState(MongoDatabase db, SchedulerConfig config, Clock clock) {
        this.state = db.getCollection(config.stateCollection());
        this.clock = clock;
    }

    public Optional<Long> resumeAfter() {
        Document doc = state.find(Filters.eq("_id", ID)).first();
        return Optional.ofNullable(doc == null ? null : doc.get("resumeAfter") instanceof Number n ? n.longValue() : null);
    }

    /** @param resumeAfter the last source this run went through, empty when it went through every one */
    public void record(long window, Optional<Long> resumeAfter, int ordered) {
        Document doc = new Document("_id", ID).append("window", window).append("stopped", resumeAfter.isPresent() ? "deadline" : "completed")
                .append("ordered", ordered).append("at", Date.from(clock.instant()));
        resumeAfter.ifPresent(id -> doc.append("resumeAfter", id));
        state.replaceOne(Filters.eq("_id", ID), doc, new ReplaceOptions().upsert(true));
    }
}
