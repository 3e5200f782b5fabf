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
import java.util.Optional;

/**
 * A listing page: a JSON array, or an object holding the array in {@code data}/{@code items}/{@code results}
 * (configurable). The next page: an RFC 8288 {@code Link: <…>; rel="next"} header first, else the object's
 * {@code next} URL; relative links are resolved against the page's own URL. A page of more than CATALOG_MAX_PAGE_ITEMS
 * items is refused ({@code page_too_large}), as one over CATALOG_MAX_PAGE_BYTES is.
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
        Optional<String> next = LinkHeader.next(body.headers().get("link"));
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

    private static URI resolve(URI page, String link, int number) throws CatalogFailure {
        try {
            return page.resolve(new URI(link));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw CatalogFailure.badResponse("page " + number + " links to an invalid next URL");
        }
    }
}
