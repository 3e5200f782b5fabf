package io.mediasync.resync.progress;

import io.mediasync.resync.store.RunCount;
import java.util.Map;
import org.bson.Document;

/** What one page of a phase did: the cursor to go on from (or that the phase is over), and the counts to add. */
public record StepResult(boolean finished, Document cursor, Map<RunCount, Integer> counts) {

    public static StepResult next(Document cursor, Map<RunCount, Integer> counts) {
        return new StepResult(false, cursor, counts);
    }

    public static StepResult finished(Map<RunCount, Integer> counts) {
        return new StepResult(true, new Document(), counts);
    }
}
