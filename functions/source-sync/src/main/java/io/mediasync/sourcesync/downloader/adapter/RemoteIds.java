package io.mediasync.sourcesync.downloader.adapter;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** URL handling for listings: resolving links and the tracking-free form used as a file's identity. */
public final class RemoteIds {

    /** Query parameters that only track the reader; they must not make one file look like two. */
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid",
            "mc_eid", "_ga", "_gl", "ref_src", "ref_url", "awt_l", "awt_m", "_hsenc", "_hsmi", "mkt_tok", "oly_enc_id",
            "oly_anon_id", "vero_id", "wickedid", "twclid", "ttclid", "li_fat_id", "s_cid", "cmpid");

    private RemoteIds() {
    }

    /** {@code href} resolved against {@code base}, if it is an absolute http(s) URL after that. */
    public static Optional<String> resolve(URI base, String href) {
        if (href == null) {
            return Optional.empty();
        }
        String h = href.trim();
        if (h.isEmpty() || h.startsWith("data:") || h.startsWith("javascript:") || h.startsWith("#")) {
            return Optional.empty();
        }
        try {
            URI uri = base.resolve(new URI(encodeSpaces(h)));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(withoutFragment(uri).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** "url:" + the URL with scheme and host in lower case, without fragment and without tracking parameters. */
    public static String ofUrl(String url) {
        return "url:" + withoutTracking(url);
    }

    public static String withoutTracking(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return url;
        }
        String query = uri.getRawQuery();
        StringBuilder kept = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                String lower = name.toLowerCase(Locale.ROOT);
                if (pair.isEmpty() || lower.startsWith("utm_") || TRACKING.contains(lower)) {
                    continue;
                }
                kept.append(kept.length() == 0 ? "" : "&").append(pair);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(uri.getScheme().toLowerCase(Locale.ROOT)).append("://");
        if (uri.getRawAuthority() != null) {
            out.append(uri.getRawAuthority().toLowerCase(Locale.ROOT));
        }
        out.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (kept.length() > 0) {
            out.append('?').append(kept);
        }
        return out.toString();
    }

    /** The best candidate of a srcset: the largest width (w) or density (x) descriptor; the first if none. */
    public static Optional<String> largestOfSrcset(String srcset) {
        String best = null;
        double bestSize = -1;
        for (String[] candidate : parseSrcset(srcset == null ? "" : srcset)) {
            double size = 1;
            String d = candidate[1].toLowerCase(Locale.ROOT);
            if (d.endsWith("w") || d.endsWith("x")) {
                try {
                    size = Double.parseDouble(d.substring(0, d.length() - 1)) * (d.endsWith("w") ? 1 : 1000);
                } catch (NumberFormatException e) {
                    size = 1;
                }
            }
            if (size > bestSize) {
                bestSize = size;
                best = candidate[0];
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The HTML srcset algorithm, simplified: a URL runs to the next white space (commas inside it are kept, a
     * trailing comma ends the candidate); then a descriptor runs to the next comma.
     */
    static List<String[]> parseSrcset(String srcset) {
        List<String[]> candidates = new ArrayList<>();
        int i = 0;
        int n = srcset.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(srcset.charAt(i))) {
                i++;
            }
            String url = srcset.substring(start, i);
            String descriptor = "";
            if (url.endsWith(",")) {
                url = url.replaceAll(",+$", "");
            } else {
                int d = i;
                while (i < n && srcset.charAt(i) != ',') {
                    i++;
                }
                descriptor = srcset.substring(d, i).trim();
            }
            if (!url.isEmpty()) {
                candidates.add(new String[] {url, descriptor});
            }
        }
        return candidates;
    }

    private static URI withoutFragment(URI uri) throws URISyntaxException {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String s = uri.toString();
        return new URI(s.substring(0, s.indexOf('#')));
    }

    private static String encodeSpaces(String href) {
        return href.replace(" ", "%20").replace("|", "%7C");
    }
}
