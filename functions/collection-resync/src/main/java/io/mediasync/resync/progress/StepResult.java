package io.mediasync.resync.progress;

import java.util.Map;
import org.bson.Document;

/** What one page of a phase did: the cursor to go on from (or that the phase is over), and the counts to add. */
public record StepResult(boolean finished, Document cursor, Map<String, Integer> counts) {

    public static StepResult next(Document cursor, Map<String, Integer> counts) {
        return new StepResult(false, cursor, counts);
    }

    public static StepResult finished(Map<String, Integer> counts) {
        return new StepResult(true, new Document(), counts);
    }
}
