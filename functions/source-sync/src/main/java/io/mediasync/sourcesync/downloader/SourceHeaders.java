package io.mediasync.sourcesync.downloader;

import io.mediasync.common.net.Origin;
import io.mediasync.sourcesync.fetch.SecretResolver;
import io.mediasync.sourcesync.store.SourceRecord;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;

/**
 * A source's request headers and cookies: {@code headers: {name: "value" | {"secretRef": "SOURCE_SECRET_X"}}},
 * {@code cookies} the same (or one "a=b; c=d" string). Secrets are resolved when the run starts; values are
 * never logged or recorded (errors name the header and the reference only). They are bound to one origin (scheme,
 * host and port): never sent to the CDNs its files may live on, nor to another port of its host. That origin is the
 * operator's {@code headers_origin}, set with the headers, and the source's URL must be on it, or the run fails
 * ({@code headers_origin_mismatch}) before any request: whoever can change the URL (a catalog) cannot move the
 * credentials. Headers that carry a secret are never sent without one ({@code headers_origin_missing}); plain
 * headers without one follow the URL's origin.
 */
public final class SourceHeaders {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Set by the HTTP client or by the sync itself. */
    private static final Set<String> NOT_SETTABLE = Set.of("host", "content-length", "transfer-encoding", "connection",
            "if-none-match", "if-modified-since", "cookie");

    private final Origin origin;
    private final Map<String, String> headers;

    private SourceHeaders(Origin origin, Map<String, String> headers) {
        this.origin = origin;
        this.headers = Map.copyOf(headers);
    }

    public static SourceHeaders of(SourceRecord source, URI sourceUri, SecretResolver secrets, String secretPrefix)
            throws SyncFailure {
        Map<String, String> headers = new LinkedHashMap<>();
        Object configured = source.headers();
        if (configured instanceof Document doc) {
            for (Map.Entry<String, Object> e : doc.entrySet()) {
                String name = e.getKey().trim();
                if (!TOKEN.matcher(name).matches() || NOT_SETTABLE.contains(name.toLowerCase(Locale.ROOT))) {
                    throw SyncFailure.permanent("invalid_source_headers", "header '" + name + "' cannot be set by a source");
                }
                headers.put(name, value(e.getValue(), "header " + name, secrets, secretPrefix));
            }
        } else if (configured != null) {
            throw SyncFailure.permanent("invalid_source_headers", "headers must be an object of name: value");
        }
        String cookie = cookies(source.cookies(), secrets, secretPrefix);
        if (!cookie.isEmpty()) {
            headers.put("Cookie", cookie);
        }
        Origin url = Origin.of(sourceUri);
        return new SourceHeaders(headers.isEmpty() ? url : boundOrigin(source.headersOrigin(), url, carriesSecret(source)), headers);
    }

    /** Whether any header or cookie value is a {@code {"secretRef": …}}. */
    private static boolean carriesSecret(SourceRecord source) {
        return Stream.of(source.headers(), source.cookies()).filter(Document.class::isInstance)
                .flatMap(d -> ((Document) d).values().stream()).anyMatch(v -> v instanceof Document ref && ref.containsKey("secretRef"));
    }

    /** The origin the operator bound the headers to, which the source's URL must be on. */
    private static Origin boundOrigin(Object configured, Origin url, boolean secret) throws SyncFailure {
        if (configured == null) {
            if (secret) {
                throw SyncFailure.permanent("headers_origin_missing", "the source's headers or cookies carry a secret (secretRef) but "
                        + "it has no headers_origin: set headers_origin to the origin they are for, e.g. \"https://feeds.example.com\"; nothing was sent");
            }
            return url;
        }
        Origin origin = origin(configured);
        if (!origin.equals(url)) {
            throw SyncFailure.permanent("headers_origin_mismatch", "the source's URL is on " + url + ", its headers and cookies belong to "
                    + origin + " (headers_origin): nothing was sent");
        }
        return origin;
    }

    private static Origin origin(Object configured) throws SyncFailure {
        try {
            URI uri = new URI(String.valueOf(configured).trim());
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (!(configured instanceof String) || uri.getHost() == null || !(path.isEmpty() || path.equals("/"))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null
                    || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                throw new URISyntaxException(String.valueOf(configured), "not an origin");
            }
            return Origin.of(uri);
        } catch (URISyntaxException | RuntimeException e) {
            throw SyncFailure.permanent("invalid_source_headers", "headers_origin must be an origin such as \"https://feeds.example.com\" "
                    + "(scheme, host, optional port)");
        }
    }

    /** The headers for a request to {@code target}: the source's own only at the source's origin. */
    public Map<String, String> forUri(URI target) {
        return target.getHost() != null && origin.equals(Origin.of(target)) ? headers : Map.of();
    }

    /** For logs: the header names, never their values. */
    public List<String> names() {
        return new ArrayList<>(headers.keySet());
    }

    private static String cookies(Object configured, SecretResolver secrets, String prefix) throws SyncFailure {
        if (configured == null) {
            return "";
        }
        if (configured instanceof String s) {
            return checked(s.trim(), "cookies");
        }
        if (!(configured instanceof Document doc)) {
            throw SyncFailure.permanent("invalid_source_headers", "cookies must be an object of name: value or a string");
        }
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, Object> e : doc.entrySet()) {
            if (!TOKEN.matcher(e.getKey()).matches()) {
                throw SyncFailure.permanent("invalid_source_headers", "cookie name '" + e.getKey() + "' is not valid");
            }
            String value = value(e.getValue(), "cookie " + e.getKey(), secrets, prefix);
            if (value.contains(";")) {
                throw SyncFailure.permanent("invalid_source_headers", "cookie " + e.getKey() + " contains ';'");
            }
            pairs.add(e.getKey() + "=" + value);
        }
        return String.join("; ", pairs);
    }

    private static String value(Object value, String what, SecretResolver secrets, String prefix) throws SyncFailure {
        if (value instanceof String s) {
            return checked(s, what);
        }
        if (value instanceof Document ref && ref.get("secretRef") instanceof String name) {
            if (!name.startsWith(prefix) || !name.matches("[A-Z0-9_]+")) {
                throw SyncFailure.permanent("invalid_secret_ref", what + " refers to " + name
                        + ", but secret references must be upper-case names starting with " + prefix);
            }
            String secret = secrets.resolve(name).orElseThrow(() -> SyncFailure.permanent("secret_missing",
                    what + " refers to secret " + name + ", which is not set"));
            return checked(secret, what + " (secret " + name + ")");
        }
        throw SyncFailure.permanent("invalid_source_headers", what + " must be a string or {\"secretRef\": NAME}");
    }

    private static String checked(String value, String what) throws SyncFailure {
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw SyncFailure.permanent("invalid_source_headers", what + " contains a line break");
        }
        return value;
    }
}
