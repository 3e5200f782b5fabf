package io.mediasync.local.scenario;

import java.util.List;

/** An RSS podcast feed as the source-downloader reads it: a channel image and one image per episode. */
public final class PodcastFeed {

    private PodcastFeed() {
    }

    /** @param channelImage the channel's itunes:image, or null; @param episodeImages one episode per image */
    public static String xml(String title, String channelImage, List<String> episodeImages) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
                <title>%s</title>
                """.formatted(title));
        if (channelImage != null) {
            xml.append("<itunes:image href=\"").append(channelImage).append("\"/>\n");
        }
        for (int i = 0; i < episodeImages.size(); i++) {
            xml.append("<item><title>Episode ").append(i + 1).append("</title><guid isPermaLink=\"false\">episode-").append(i + 1)
                    .append("</guid><itunes:image href=\"").append(episodeImages.get(i)).append("\"/></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }
}
