package io.mediasync.sourcesync.downloader.adapter;

import io.mediasync.common.net.FetchException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * HTML gallery pages (jsoup): every {@code img} (the largest {@code srcset} candidate, else {@code data-src},
 * else {@code src}) and every link to an image file, following {@code rel="next"} up to the page limit.
 * Files are identified by their URL without tracking query, so the same picture on two pages is one file.
 */
public final class HtmlGalleryAdapter implements SourceAdapter {

    public static final String KIND = "html";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean accepts(ListingPage first) {
        String type = first.mediaType();
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
            return true;
        }
        String head = first.head(4096);
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") || head.contains("<img");
    }

    @Override
    public Listing list(ListingPage first, PageFetcher more, ListingLimits limits) throws ListingException, FetchException {
        Map<String, RemoteItem> items = new LinkedHashMap<>();
        Set<String> visited = new HashSet<>();
        ListingPage page = first;
        int pages = 0;
        boolean truncated = false;
        while (page != null) {
            pages++;
            visited.add(RemoteIds.withoutTracking(page.uri().toString()));
            Document html = parse(page);
            for (String url : images(html, page.uri())) {
                if (items.size() >= limits.maxItems()) {
                    truncated = true;
                    break;
                }
                String id = RemoteIds.ofUrl(url);
                items.putIfAbsent(id, new RemoteItem(id, url, "gallery:image", null, null));
            }
            Optional<String> next = next(html, page.uri()).filter(n -> !visited.contains(RemoteIds.withoutTracking(n)));
            if (next.isEmpty() || truncated) {
                break;
            }
            if (pages >= limits.maxPages()) {
                truncated = true; // pages beyond the limit are not seen: nothing may be judged deleted
                break;
            }
            page = more.fetch(URI.create(next.get()));
        }
        return new Listing(new ArrayList<>(items.values()), pages, truncated);
    }

    private static Document parse(ListingPage page) throws ListingException {
        try {
            return Jsoup.parse(new ByteArrayInputStream(page.body()), page.charset(), page.uri().toString());
        } catch (IOException | IllegalArgumentException e) {
            throw new ListingException("malformed_listing", "the page " + page.uri() + " cannot be read as HTML: "
                    + e.getMessage(), e);
        }
    }

    private static List<String> images(Document html, URI base) {
        List<String> urls = new ArrayList<>();
        for (Element img : html.select("img")) {
            Optional<String> chosen = RemoteIds.largestOfSrcset(img.attr("srcset"))
                    .or(() -> RemoteIds.largestOfSrcset(img.attr("data-srcset")))
                    .or(() -> nonBlank(img.attr("data-src")))
                    .or(() -> nonBlank(img.attr("src")));
            chosen.flatMap(href -> RemoteIds.resolve(base, href)).ifPresent(urls::add);
        }
        for (Element link : html.select("a[href]")) {
            RemoteIds.resolve(base, link.attr("href")).filter(MediaSniffer::looksLikeImageUrl).ifPresent(urls::add);
        }
        return urls;
    }

    private static Optional<String> next(Document html, URI base) {
        for (Element link : html.select("link[rel][href], a[rel][href]")) {
            boolean isNext = java.util.Arrays.stream(link.attr("rel").trim().split("\\s+")).anyMatch("next"::equalsIgnoreCase);
            Optional<String> url = isNext ? RemoteIds.resolve(base, link.attr("href")) : Optional.empty();
            if (url.isPresent()) {
                return url;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
