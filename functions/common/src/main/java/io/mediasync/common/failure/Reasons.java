package io.mediasync.common.failure;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Reasons for people: what went wrong, said once, without Java class names (those stay in the log). */
public final class Reasons {

    private Reasons() {
    }

    /** E.g. "connection refused", "unknown host example.invalid", or the deepest message of the cause chain. */
    public static String of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return lower(t.getMessage()).contains("timed out") ? "connect timed out" : "connection refused";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + firstWord(t.getMessage());
            }
            if (t instanceof SocketTimeoutException) {
                return "timed out waiting for an answer";
            }
            if (t instanceof SSLException) {
                return "TLS failed: " + t.getMessage();
            }
        }
        String message = null;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
                break; // the outermost message says what we were doing
            }
        }
        return message != null ? message : error.getClass().getSimpleName();
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static String firstWord(String s) {
        if (s == null || s.isBlank()) {
            return "";
        }
        String first = s.trim().split("[\\s:]")[0];
        return first;
    }
}
