package io.mediasync.devstack;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;

/**
 * Drops the servers' warnings that say nothing about the user's data: mongo-java-server not
 * building a compound index (queries work without it), Pekko finding the JVM already shutting
 * down when the devstack stops, and mongo-java-server's stack trace for each command it does not
 * implement, which clients probe on every connection (mongosh: atlasVersion, getCmdLineOpts, …)
 * and take the answer to, CommandNotFound (59), as a real server's. Every other warning still shows.
 */
public final class HarmlessWarnings extends Filter<ILoggingEvent> {

    private static final List<String> HARMLESS = List.of("adding secondary index with keys", "Could not addJvmShutdownHook");

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        if (message == null) {
            return FilterReply.NEUTRAL;
        }
        if (message.startsWith("failed to handle") && event.getThrowableProxy() != null
                && event.getThrowableProxy().getClassName().endsWith(".NoSuchCommandException")) {
            return FilterReply.DENY;
        }
        return HARMLESS.stream().anyMatch(message::startsWith) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
