package io.mediasync.devstack;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;

/**
 * Drops the servers' warnings that say nothing about the user's data: mongo-java-server not
 * building a compound index (queries work without it) and Pekko finding the JVM already shutting
 * down when the devstack stops. Every other warning still shows.
 */
public final class HarmlessWarnings extends Filter<ILoggingEvent> {

    private static final List<String> HARMLESS = List.of("adding secondary index with keys", "Could not addJvmShutdownHook");

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        return message != null && HARMLESS.stream().anyMatch(message::startsWith) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
