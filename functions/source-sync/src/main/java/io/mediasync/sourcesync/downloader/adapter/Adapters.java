package io.mediasync.sourcesync.downloader.adapter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;

/** The adapters, in the order they are tried: a direct image, a feed, an HTML gallery. */
public final class Adapters {

    private final List<SourceAdapter> adapters;

    public Adapters(List<SourceAdapter> adapters) {
        this.adapters = List.copyOf(adapters);
    }

    public static Adapters standard() {
        return new Adapters(List.of(new DirectImageAdapter(), new FeedAdapter(new FeedParser(secureXmlFactory())),
                new HtmlGalleryAdapter()));
    }

    /** The adapter for this page: the one the source names, or the first that accepts the page. */
    public SourceAdapter choose(Optional<String> named, ListingPage first) throws ListingException {
        if (named.isPresent() && !named.get().isBlank()) {
            String kind = named.get().trim().toLowerCase(Locale.ROOT);
            return adapters.stream().filter(a -> a.kind().equals(kind)).findFirst()
                    .orElseThrow(() -> new ListingException("unknown_adapter", "the source names adapter '" + kind
                            + "'; known: " + adapters.stream().map(SourceAdapter::kind).toList()));
        }
        return adapters.stream().filter(a -> a.accepts(first)).findFirst()
                .orElseThrow(() -> new ListingException("unsupported_listing", first.uri() + " is neither an image, a feed"
                        + " nor an HTML page (Content-Type '" + first.mediaType() + "')"));
    }

    /** The JDK's StAX, with DTDs and external entities off (no XXE, no entity expansion). */
    static XMLInputFactory secureXmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new javax.xml.stream.XMLStreamException("external resources are not loaded: " + systemId);
        });
        return factory;
    }
}
