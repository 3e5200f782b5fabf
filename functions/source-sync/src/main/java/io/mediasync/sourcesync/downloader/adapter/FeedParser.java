package io.mediasync.sourcesync.downloader.adapter;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the images of a feed with StAX (DTDs and external entities off): the channel's image and
 * {@code itunes:image} (Atom: logo, icon), and per item its {@code itunes:image}, image enclosures,
 * {@code media:content} images and {@code media:thumbnail}. An item's files are identified by its GUID
 * (Atom: id; RSS 1.0: rdf:about) plus their role; an item without one by the file URL without tracking query.
 * Audio and other non-image enclosures are not files of the gallery and are left out.
 */
public final class FeedParser {

    static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    private final XMLInputFactory factory;

    public FeedParser(XMLInputFactory factory) {
        this.factory = factory;
    }

    /** One image of one item (or of the channel) before identities are assigned. */
    private record Found(String role, String url, Long length, String type) {
    }

    private static final class ItemState {
        String guid;
        final List<Found> images = new ArrayList<>();
        int media;
    }

    /**
     * What one document may add: at most {@code maxItems} files in all, channel and items together, so a feed of
     * 100,000 channel thumbnails or one item of 80,000 URLs costs no more than the limit (and in linear time).
     */
    private static final class Budget {
        final int max;
        int used;
        boolean truncated;

        Budget(int max) {
            this.max = max;
        }

        boolean take() {
            if (used >= max) {
                truncated = true;
                return false;
            }
            used++;
            return true;
        }
    }

    public Listing parse(URI base, byte[] xml, int maxItems) throws ListingException {
        Map<String, RemoteItem> items = new LinkedHashMap<>();
        Budget found = new Budget(maxItems);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            Deque<String> path = new ArrayDeque<>();
            ItemState item = null;
            boolean sawRoot = false;
            List<Found> channel = new ArrayList<>();
            int channelMedia = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName().toLowerCase(Locale.ROOT);
                    String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
                    if (!sawRoot) {
                        sawRoot = true;
                        if (!name.equals("rss") && !name.equals("feed") && !name.equals("rdf")) {
                            throw new ListingException("malformed_listing", "not a feed: the document starts with <"
                                    + reader.getLocalName() + ">");
                        }
                    }
                    if ((name.equals("item") || name.equals("entry")) && !ns.equals(ITUNES) && !ns.equals(MEDIA)) {
                        item = new ItemState();
                        item.guid = attribute(reader, RDF, "about");
                    } else if (ns.equals(ITUNES) && name.equals("image")) {
                        String href = attribute(reader, null, "href");
                        if (found.take()) {
                            (item != null ? item.images : channel).add(new Found(item != null ? "item:itunes:image"
                                    : "channel:itunes:image", href, null, null));
                        }
                    } else if (ns.equals(MEDIA) && (name.equals("content") || name.equals("thumbnail"))) {
                        Found media = media(reader, name);
                        if (media != null && found.take()) {
                            if (item != null) {
                                item.images.add(new Found("item:media:" + item.media++, media.url(), media.length(), media.type()));
                            } else {
                                channel.add(new Found("channel:media:" + channelMedia++, media.url(), media.length(), media.type()));
                            }
                        }
                    } else if (item != null && name.equals("enclosure") && ns.isEmpty()) {
                        addIfImage(item, found, "item:enclosure", attribute(reader, null, "url"), attribute(reader, null, "length"),
                                attribute(reader, null, "type"));
                    } else if (item != null && name.equals("link") && "enclosure".equals(attribute(reader, null, "rel"))) {
                        addIfImage(item, found, "item:enclosure", attribute(reader, null, "href"), attribute(reader, null, "length"),
                                attribute(reader, null, "type"));
                    } else if (item != null && (name.equals("guid") || name.equals("id")) && !ns.equals(ITUNES) && !ns.equals(MEDIA)) {
                        String text = reader.getElementText().trim();
                        if (!text.isEmpty()) {
                            item.guid = text;
                        }
                        continue; // getElementText consumed the end tag
                    } else if (item == null && (name.equals("url") && "image".equals(path.peek())
                            || name.equals("logo") || name.equals("icon")) && !ns.equals(ITUNES) && !ns.equals(MEDIA)) {
                        String role = name.equals("url") ? "channel:image" : "channel:" + name;
                        String text = reader.getElementText().trim();
                        if (found.take()) {
                            channel.add(new Found(role, text, null, null));
                        }
                        continue;
                    }
                    path.push(name);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = reader.getLocalName().toLowerCase(Locale.ROOT);
                    path.poll();
                    if (item != null && (name.equals("item") || name.equals("entry"))) {
                        for (RemoteItem remote : identify(base, item)) {
                            items.putIfAbsent(remote.remoteId(), remote);
                        }
                        item = null;
                    }
                }
            }
            if (!sawRoot) {
                throw new ListingException("malformed_listing", "empty feed document");
            }
            List<RemoteItem> all = new ArrayList<>();
            for (Found f : channel) {
                resolve(base, f).ifPresent(url -> all.add(new RemoteItem("feed:" + f.role(), url, f.role(), f.length(), f.type())));
            }
            // the channel's pictures first, deduplicated by URL against each other
            Map<String, RemoteItem> ordered = new LinkedHashMap<>();
            Set<String> channelUrls = new HashSet<>();
            for (RemoteItem r : all) {
                if (channelUrls.add(r.url())) {
                    ordered.put(r.remoteId(), r);
                }
            }
            items.forEach(ordered::putIfAbsent);
            return new Listing(new ArrayList<>(ordered.values()), 1, found.truncated);
        } catch (XMLStreamException e) {
            throw new ListingException("malformed_listing", "the feed is not well-formed XML: " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    /** GUID + role when the item has a GUID; otherwise each file by its URL without tracking query. */
    private static List<RemoteItem> identify(URI base, ItemState item) {
        List<RemoteItem> out = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        for (Found f : item.images) {
            Optional<String> url = resolve(base, f);
            if (url.isEmpty() || !urls.add(url.get())) {
                continue; // the same picture as itunes:image and enclosure is one file
            }
            String id = item.guid != null ? "guid:" + item.guid + "#" + f.role() : RemoteIds.ofUrl(url.get());
            out.add(new RemoteItem(id, url.get(), f.role(), f.length(), f.type()));
        }
        return out;
    }

    private static void addIfImage(ItemState item, Budget found, String role, String url, String length, String type) {
        if (url == null) {
            return;
        }
        boolean image = type != null && !type.isBlank() ? type.trim().toLowerCase(Locale.ROOT).startsWith("image/")
                : MediaSniffer.looksLikeImageUrl(url.trim());
        if (image && found.take()) {
            item.images.add(new Found(role, url, parseLength(length), type));
        }
    }

    /** media:content counts if it says it is an image (medium or type) or its URL looks like one. */
    private static Found media(XMLStreamReader reader, String name) {
        String url = attribute(reader, null, "url");
        if (url == null) {
            return null;
        }
        String type = attribute(reader, null, "type");
        String medium = attribute(reader, null, "medium");
        boolean image = name.equals("thumbnail") || "image".equalsIgnoreCase(medium)
                || type != null && type.toLowerCase(Locale.ROOT).startsWith("image/")
                || medium == null && type == null && MediaSniffer.looksLikeImageUrl(url.trim());
        return image ? new Found(name, url, parseLength(attribute(reader, null, "fileSize")), type) : null;
    }

    private static Optional<String> resolve(URI base, Found f) {
        return f.url() == null ? Optional.empty() : RemoteIds.resolve(base, f.url());
    }

    private static Long parseLength(String length) {
        try {
            long value = Long.parseLong(length == null ? "" : length.trim());
            return value > 0 ? value : null; // podcasts often state 0 or nonsense
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String attribute(XMLStreamReader reader, String namespace, String name) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String ns = reader.getAttributeNamespace(i);
            boolean nsMatches = namespace == null ? ns == null || ns.isEmpty() : namespace.equals(ns);
            if (nsMatches && reader.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }
}
