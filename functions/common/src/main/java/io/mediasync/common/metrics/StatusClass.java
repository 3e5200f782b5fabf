package io.mediasync.common.metrics;

/** The {@code StatusClass} of an HTTP answer: 2xx, 3xx, 4xx, 5xx; network_error when none came. */
public final class StatusClass {

    public static final String NETWORK_ERROR = "network_error";

    private StatusClass() {
    }

    /** @param status an HTTP status, or 0 when no answer came */
    public static String of(int status) {
        if (status >= 100 && status <= 599) {
            return (status / 100) + "xx";
        }
        return NETWORK_ERROR;
    }
}
