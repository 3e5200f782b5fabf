package io.mediasync.common.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Text logs name the message, order, source and run a line is about, and only those that are set:
 * {@code [msg=… order=…]}, or nothing at all outside a message. A log pattern cannot leave out an
 * empty MDC value ({@code %X{key}} prints "" and the brackets stay), so this filter writes the tags
 * as one MDC value, {@code tags}, that the console format prints with {@code %X{tags}}. JSON logs
 * carry the MDC as fields already: there it adds nothing.
 */
@LoggingFilter(name = "mdc-tags")
public final class MdcTagsFilter implements Filter {

    /** The MDC keys the functions set, and their short names in text logs. */
    static final Map<String, String> TAGS = new LinkedHashMap<>();

    static {
        TAGS.put("messageId", "msg");
        TAGS.put("orderId", "order");
        TAGS.put("sourceId", "source");
        TAGS.put("runId", "run");
    }

    private final boolean json;

    public MdcTagsFilter(@ConfigProperty(name = "quarkus.log.console.json.enabled", defaultValue = "false") boolean json) {
        this.json = json;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!json && record instanceof ExtLogRecord ext) {
            ext.putMdc("tags", tags(ext));
        }
        return true;
    }

    static String tags(ExtLogRecord record) {
        StringJoiner tags = new StringJoiner(" ", " [", "]").setEmptyValue("");
        TAGS.forEach((key, tag) -> {
            String value = record.getMdc(key);
            if (value != null && !value.isEmpty()) {
                tags.add(tag + "=" + value);
            }
        });
        return tags.toString();
    }
}
