package io.mediasync.catalog;

import io.mediasync.common.time.Sleeper;
import io.mediasync.testsupport.time.RecordingSleeper;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The sleeper the function runs with in these tests: it records every wait (retries of the API and of the token
 * endpoint) and still waits for real, since a run's deadline follows the real clock. Tests assert the waits.
 */
@Alternative
@Priority(1)
@Singleton
public class RecordedWaits {

    static final RecordingSleeper SLEEPER = RecordingSleeper.forReal();

    @Produces
    @Singleton
    Sleeper sleeper() {
        return SLEEPER::sleep;
    }
}
