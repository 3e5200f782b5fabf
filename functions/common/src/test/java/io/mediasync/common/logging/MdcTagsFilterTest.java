package io.mediasync.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The functions' text log line, through the filter and the console format they configure. */
class MdcTagsFilterTest {

    private static final PatternFormatter FORMAT = new PatternFormatter("%-5p [%c{1.}]%X{tags} %s%n");

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void outsideAMessageTheLineHasNoTags() {
        assertThat(line(false)).isEqualTo("INFO  [i.m.r.OrderPipeline] started\n");
    }

    @Test
    void onlyTheValuesThatAreSetAreTagged() {
        MDC.put("messageId", "b836df04");
        MDC.put("runId", "");
        assertThat(line(false)).isEqualTo("INFO  [i.m.r.OrderPipeline] [msg=b836df04] started\n");

        MDC.put("orderId", "6650b2f1");
        MDC.put("sourceId", "725");
        MDC.put("runId", "r1");
        assertThat(line(false)).isEqualTo("INFO  [i.m.r.OrderPipeline] [msg=b836df04 order=6650b2f1 source=725 run=r1] started\n");
    }

    @Test
    void jsonLogsAreLeftAsTheyAre() {
        MDC.put("messageId", "b836df04");
        ExtLogRecord record = record();
        new MdcTagsFilter(true).isLoggable(record);
        assertThat(record.getMdcCopy()).containsOnlyKeys("messageId");
    }

    private static String line(boolean json) {
        ExtLogRecord record = record();
        assertThat(new MdcTagsFilter(json).isLoggable(record)).isTrue();
        return FORMAT.format(record);
    }

    private static ExtLogRecord record() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "started", "io.mediasync.Test");
        record.setLoggerName("io.mediasync.resizer.OrderPipeline");
        return record;
    }
}
