package io.mediasync.sourcesync;

import io.mediasync.testsupport.time.TestClock;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The function's clock in the tests whose profile selects this alternative ({@code getEnabledAlternatives}): a
 * {@link TestClock} that moves only when a test moves it, so a time to live passes exactly, without waiting.
 */
@Alternative
@Singleton
public class TestTime {

    static final TestClock CLOCK = new TestClock();

    @Produces
    @Alternative
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
