package io.mediasync.catalog.fetch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.catalog.config.CatalogFieldsConfig;
import io.mediasync.common.net.FetchedBody;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A listing page: a JSON array, or an object holding the array in {@code data}/{@code items}/{@code results}
 * (configurable). The next page: an RFC 8288 {@code Link: <…>; rel="next"} header first, else the object's
 * {@code next} URL; relative links are resolved against the page's own URL. A page of more than CATALOG_MAX_PAGE_ITEMS
 * items is refused ({@code page_too_large}), as one over CATALOG_MAX_PAGE_BYTES is. Also reads the Link header's
 * {@code rel="next"} itself ({@link #nextLink}).
 */
public final class PageParser {

    private final ObjectMapper json;
    private final List<String> itemFields;
    private final String nextField;
    private final int maxItems;

    public PageParser(ObjectMapper json, CatalogFieldsConfig fields, int maxItems) {
        this.json = json;
        this.maxItems = maxItems;
        this.itemFields = Arrays.stream(fields.items().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.nextField = fields.next().trim();
    }

    public Page parse(int number, FetchedBody body) throws CatalogFailure {
        JsonNode root;
        try {
            root = json.readTree(body.body());
        } catch (JsonProcessingException e) {
            throw CatalogFailure.badResponse("page " + number + " is not JSON (Content-Type " + body.contentType() + ")");
        } catch (IOException e) {
            throw CatalogFailure.badResponse("page " + number + " could not be read: " + e.getMessage());
        }
        JsonNode array = root == null ? null : root.isArray() ? root : itemsOf(root);
        if (array == null) {
            throw CatalogFailure.badResponse("page " + number + " is neither a JSON array nor an object with "
                    + String.join("/", itemFields) + " holding one");
        }
        if (array.size() > maxItems) {
            throw new CatalogFailure("page_too_large", "page " + number + " holds " + array.size() + " items, more than "
                    + maxItems + " (CATALOG_MAX_PAGE_ITEMS)");
        }
        List<JsonNode> items = new ArrayList<>(array.size());
        array.forEach(items::add);
        Optional<String> next = nextLink(body.headers().get("link"));
        if (next.isEmpty() && root.isObject() && root.path(nextField).isTextual() && !root.path(nextField).asText().isBlank()) {
            next = Optional.of(root.path(nextField).asText().trim());
        }
        return new Page(number, items, next.isEmpty() ? Optional.empty() : Optional.of(resolve(body.finalUri(), next.get(), number)));
    }

    private JsonNode itemsOf(JsonNode root) {
        if (!root.isObject()) {
            return null;
        }
        for (String field : itemFields) {
            if (root.path(field).isArray()) {
                return root.path(field);
            }
        }
        return null;
    }

    /**
     * The {@code rel="next"} target of an RFC 8288 {@code Link} header, e.g. {@code <https://x/api/sources?page=2>; rel="next"}.
     * Read by hand: the JDK and the platform have no Link parser outside JAX-RS, which this function does not ship.
     */
    static Optional<String> nextLink(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int at = 0;
        while (true) {
            int open = header.indexOf('<', at);
            int close = open < 0 ? -1 : header.indexOf('>', open);
            if (close < 0) {
                return Optional.empty();
            }
            String target = header.substring(open + 1, close).trim();
            int nextValue = header.indexOf('<', close); // parameters run up to the next link-value
            String params = header.substring(close + 1, nextValue < 0 ? header.length() : nextValue);
            if (relIsNext(params)) {
                return Optional.of(target);
            }
            if (nextValue < 0) {
                return Optional.empty();
            }
            at = nextValue;
        }
    }

    /** rel may list several relation types: rel="next last". */
    private static boolean relIsNext(String params) {
        for (String param : params.split(";")) {
            String p = param.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("rel")) {
                String value = p.substring(eq + 1).trim().replaceAll("[\",]", " ").toLowerCase(Locale.ROOT);
                for (String rel : value.trim().split("\\s+")) {
                    if (rel.equals("next")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static URI resolve(URI page, String link, int number) throws CatalogFailure {
        try {
            return page.resolve(new URI(link));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw CatalogFailure.badResponse("page " + number + " links to an invalid next URL");
        }
    }
}
