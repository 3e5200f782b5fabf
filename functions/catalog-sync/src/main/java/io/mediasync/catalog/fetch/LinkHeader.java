package io.mediasync.catalog.fetch;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code rel="next"} target of an RFC 8288 {@code Link} header, e.g. {@code <https://x/api/sources?page=2>; rel="next"}.
 * Written by hand: the JDK and the platform have no Link parser outside JAX-RS, which this function does not ship.
 */
public final class LinkHeader {

    private LinkHeader() {
    }

    public static Optional<String> next(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int at = 0;
        while (true) {
            int open = header.indexOf('<', at);
            int close = open < 0 ? -1 : header.indexOf('>', open);
            if (close < 0) {
                return Optional.empty();
            }
            String target = header.substring(open + 1, close).trim();
            int nextLink = header.indexOf('<', close); // parameters run up to the next link-value
            String params = header.substring(close + 1, nextLink < 0 ? header.length() : nextLink);
            if (relIsNext(params)) {
                return Optional.of(target);
            }
            if (nextLink < 0) {
                return Optional.empty();
            }
            at = nextLink;
        }
    }

    /** rel may list several relation types: rel="next last". */
    private static boolean relIsNext(String params) {
        for (String param : params.split(";")) {
            String p = param.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("rel")) {
                String value = p.substring(eq + 1).trim().replaceAll("[\",]", " ").toLowerCase(Locale.ROOT);
                for (String rel : value.trim().split("\\s+")) {
                    if (rel.equals("next")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
