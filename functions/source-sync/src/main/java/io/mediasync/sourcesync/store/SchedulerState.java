package io.mediasync.sourcesync.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.mediasync.sourcesync.config.SchedulerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

/**
 * The {@code source_scheduler_state} collection: where the last all-sources run stopped ({@link SweepCheckpoint}).
 * The next run starts after its {@code resumeAfter} and wraps around, so a collection larger than one invocation is
 * ordered in turn, never only its first part.
 */
@ApplicationScoped
public class SchedulerState {

    private final MongoCollection<SweepCheckpoint> state;
    private final Clock clock;

    public SchedulerState(MongoDatabase db, SchedulerConfig config, Clock clock) {
        this.state = SweepCheckpoint.CODEC.typed(db.getCollection(config.stateCollection()));
        this.clock = clock;
    }

    public Optional<Long> resumeAfter() {
        SweepCheckpoint last = state.find(Filters.eq(SweepCheckpoint.ID, SweepCheckpoint.ALL_SOURCES)).first();
        return Optional.ofNullable(last == null ? null : last.resumeAfter());
    }

    /** @param resumeAfter the last source this run went through, empty when it went through every one */
    public void record(long window, Optional<Long> resumeAfter, int ordered) {
        state.replaceOne(Filters.eq(SweepCheckpoint.ID, SweepCheckpoint.ALL_SOURCES),
                SweepCheckpoint.of(window, resumeAfter.orElse(null), ordered, Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
    }
}
