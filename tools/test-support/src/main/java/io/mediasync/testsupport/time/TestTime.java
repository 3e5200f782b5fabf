package io.mediasync.testsupport.time;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The function's clock in the tests whose profile selects this alternative ({@code getEnabledAlternatives}): a
 * {@link TestClock} that moves only when a test moves it, so a time to live passes exactly, without waiting. A bean
 * because test-support is a bean archive ({@code META-INF/beans.xml}); an alternative, so a test that does not select
 * it keeps the real clock.
 */
@Alternative
@Singleton
public class TestTime {

    public static final TestClock CLOCK = new TestClock();

    @Produces
    @Alternative
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
