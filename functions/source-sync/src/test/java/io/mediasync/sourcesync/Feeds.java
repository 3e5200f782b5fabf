package io.mediasync.sourcesync;

import java.util.List;

/** Feed and gallery documents for tests. */
final class Feeds {

    /** One podcast episode: a GUID (or null), its itunes:image, and its enclosure URL and type. */
    record Episode(String guid, String itunesImage, String enclosure, String enclosureType) {
    }

    private Feeds() {
    }

    static String podcast(String base, String buildDate, String channelImage, String channelItunesImage, List<Episode> episodes) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                     xmlns:media="http://search.yahoo.com/mrss/">
                <channel>
                  <title>Test podcast</title>
                  <lastBuildDate>%s</lastBuildDate>
                """.formatted(buildDate));
        if (channelImage != null) {
            xml.append("  <image><url>").append(base).append(channelImage).append("</url><title>t</title></image>\n");
        }
        if (channelItunesImage != null) {
            xml.append("  <itunes:image href=\"").append(base).append(channelItunesImage).append("\"/>\n");
        }
        for (Episode e : episodes) {
            xml.append("  <item>\n    <title>episode</title>\n");
            if (e.guid() != null) {
                xml.append("    <guid isPermaLink=\"false\">").append(e.guid()).append("</guid>\n");
            }
            if (e.itunesImage() != null) {
                xml.append("    <itunes:image href=\"").append(base).append(e.itunesImage()).append("\"/>\n");
            }
            if (e.enclosure() != null) {
                xml.append("    <enclosure url=\"").append(base).append(e.enclosure().replace("&", "&amp;"))
                        .append("\" length=\"0\" type=\"").append(e.enclosureType()).append("\"/>\n");
            }
            xml.append("  </item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }
}
