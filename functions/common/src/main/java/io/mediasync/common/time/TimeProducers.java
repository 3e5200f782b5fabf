package io.mediasync.common.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The real clock, ticker and sleeper for every function; classes take them by constructor so tests can hand in fakes. */
@Singleton
public class TimeProducers {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    Ticker ticker() {
        return Ticker.system();
    }

    @Produces
    @Singleton
    Sleeper sleeper() {
        return Sleeper.system();
    }
}
