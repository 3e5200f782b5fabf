package io.mediasync.common.metrics;

import java.util.regex.Pattern;

/**
 * Failure codes as {@code Reason} dimension values. Codes are snake_case words from a fixed list in the code, except
 * those that carry an HTTP status ({@code http_404}, {@code postback_http_503}): those become their status class
 * ({@code http_4xx}), so a receiver answering every status there is cannot make hundreds of metrics. Anything else
 * that is not a plain code becomes {@code other}.
 */
public final class ReasonCodes {

    private static final Pattern WITH_STATUS = Pattern.compile("(.*_)?http_([1-5])[0-9]{2}");
    private static final Pattern PLAIN = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private ReasonCodes() {
    }

    public static String bounded(String code) {
        if (code == null) {
            return "other";
        }
        var status = WITH_STATUS.matcher(code);
        if (status.matches()) {
            return (status.group(1) == null ? "" : status.group(1)) + "http_" + status.group(2) + "xx";
        }
        return PLAIN.matcher(code).matches() ? code : "other";
    }
}
