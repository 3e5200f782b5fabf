package io.mediasync.sourcesync.downloader;

import java.util.ArrayList;
import java.util.List;

/** S3 keys of downloaded files: {@code {CONTENT_ROOT}/{content_path}/{filename}}, with both prefixes normalised. */
public final class ContentKeys {

    private ContentKeys() {
    }

    public static String key(String contentRoot, String contentPath, String filename) {
        List<String> parts = new ArrayList<>();
        parts.addAll(segments(contentRoot));
        parts.addAll(segments(contentPath));
        parts.add(filename);
        return String.join("/", parts);
    }

    /**
     * The path's segments without empty ones, "." and "..", and without control characters: a content_path can
     * never climb out of CONTENT_ROOT, whatever an order says.
     */
    public static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        if (path == null) {
            return out;
        }
        for (String segment : path.replace('\\', '/').split("/")) {
            String clean = segment.replaceAll("\\p{Cntrl}", "").trim();
            if (!clean.isEmpty() && !clean.equals(".") && !clean.equals("..")) {
                out.add(clean);
            }
        }
        return out;
    }
}
