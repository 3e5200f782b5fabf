package io.mediasync.common.net;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The caller's request headers, checked before a {@link SafeHttpClient} request carries them. */
final class RequestHeaders {

    /** Headers HttpClient manages itself; setting them by hand would corrupt requests. */
    private static final Set<String> MANAGED_HEADERS = Set.of("host", "content-length", "transfer-encoding", "connection");

    private RequestHeaders() {
    }

    /** A mutable copy in the caller's order; a managed header or a null value is refused. */
    static Map<String, String> checked(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (headers == null) {
            return copy;
        }
        headers.forEach((name, value) -> {
            if (MANAGED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + name + " is managed by the client");
            }
            copy.put(name, Objects.requireNonNull(value, name));
        });
        return copy;
    }
}
