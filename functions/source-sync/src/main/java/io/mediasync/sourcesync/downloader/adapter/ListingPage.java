package io.mediasync.sourcesync.downloader.adapter;

import java.net.URI;
import java.util.Locale;

/**
 * One fetched listing page (or the file itself, for a direct URL).
 *
 * @param uri       the URL that answered, after redirects (the base of relative links)
 * @param requested the URL asked for (what the source names)
 */
public record ListingPage(URI uri, String contentType, byte[] body, URI requested) {

    public ListingPage(URI uri, String contentType, byte[] body) {
        this(uri, contentType, body, uri);
    }

    /** The media type without parameters, lower case; "" when the server sent none. */
    public String mediaType() {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The charset parameter of the Content-Type, or null. */
    public String charset() {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring(8).replace("\"", "").trim();
            }
        }
        return null;
    }

    /** The first bytes as lower-case Latin-1 text, for sniffing. */
    public String head(int bytes) {
        int n = Math.min(bytes, body.length);
        return new String(body, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }
}
