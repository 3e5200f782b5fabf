package io.mediasync.sourcesync.downloader;

import io.mediasync.common.hash.Sha256;
import io.mediasync.sourcesync.downloader.adapter.MediaSniffer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File names for the content bucket: only the last path element of what the server or URL suggests, in
 * A-Z a-z 0-9 . _ - (accents dropped, anything else becomes "_"), no leading dot, no reserved device
 * names, at most {@link #MAX_LENGTH} characters with the extension kept, and an extension from the sniffed
 * type when there is none. Collisions within a source get a short hash of the remote id.
 */
public final class FileNames {

    static final int MAX_LENGTH = 120;
    private static final int MAX_HEADER = 1024;
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5",
            "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");
    private static final Pattern DISPOSITION_STAR =
            Pattern.compile("(?i)filename\\*\\s*=\\s*(?:UTF-8|ISO-8859-1)?'[^']*'([^;]+)");
    private static final Pattern DISPOSITION = Pattern.compile("(?i)filename\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;]+))");

    private FileNames() {
    }

    /** The name suggested by Content-Disposition, else by the URL's last path segment, made safe. */
    public static String choose(String url, String contentDisposition, String contentType) {
        String raw = fromDisposition(contentDisposition).orElseGet(() -> lastSegment(url));
        return sanitize(raw, contentType);
    }

    public static String sanitize(String raw, String contentType) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        name = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("_{2,}", "_");
        name = name.replaceAll("^[._]+", "").replaceAll("[._ ]+$", "");
        if (name.isEmpty()) {
            name = "file";
        }
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        if (ext.isEmpty() || ext.length() > 10) {
            base = name;
            ext = MediaSniffer.extensionOf(contentType).map(e -> "." + e).orElse("");
        }
        if (RESERVED.contains(base.toLowerCase(Locale.ROOT))) {
            base = "_" + base;
        }
        if (base.length() + ext.length() > MAX_LENGTH) {
            base = base.substring(0, MAX_LENGTH - ext.length());
        }
        return base + ext;
    }

    /** {@code name} with "-" and the first {@code hexDigits} of sha256(remote id) before its extension. */
    public static String withSuffix(String name, String remoteId, int hexDigits) {
        String hash = Sha256.hex(remoteId).substring(0, hexDigits);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        int room = MAX_LENGTH - ext.length() - hash.length() - 1;
        if (base.length() > room) {
            base = base.substring(0, room);
        }
        return base + "-" + hash + ext;
    }

    static Optional<String> fromDisposition(String received) {
        if (received == null || received.isBlank()) {
            return Optional.empty();
        }
        // a name is cut to MAX_LENGTH anyway; a longer header only costs regex time (and stack, on quoted names)
        String header = received.length() > MAX_HEADER ? received.substring(0, MAX_HEADER) : received;
        Matcher star = DISPOSITION_STAR.matcher(header);
        if (star.find()) {
            String encoded = star.group(1).trim();
            try {
                return Optional.of(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.of(encoded); // "%zz": not percent-encoding after all; sanitize() makes it safe
            }
        }
        Matcher plain = DISPOSITION.matcher(header);
        if (plain.find()) {
            String value = plain.group(1) != null ? plain.group(1).replaceAll("\\\\(.)", "$1") : plain.group(2).trim();
            return value.isBlank() ? Optional.empty() : Optional.of(value);
        }
        return Optional.empty();
    }

    static String lastSegment(String url) {
        try {
            String path = URI.create(url).getRawPath();
            if (path == null) {
                return "";
            }
            String segment = path.substring(path.lastIndexOf('/') + 1);
            // decoding may reveal "/" or "..": sanitize() keeps only what follows the last separator
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
