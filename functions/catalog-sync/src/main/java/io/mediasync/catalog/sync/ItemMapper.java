package io.mediasync.catalog.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.catalog.config.CatalogFieldsConfig;
import io.mediasync.catalog.store.CatalogItem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bson.Document;

/** Maps an API item onto a source by the configured field names (CATALOG_FIELD_*); an item over CATALOG_MAX_ITEM_BYTES is not stored. */
public final class ItemMapper {

    private final List<String> idFields;
    private final String urlField;
    private final String contentPathField;
    private final String enabledField;
    private final Set<String> owned = new HashSet<>();
    private final int maxBytes;

    public ItemMapper(CatalogFieldsConfig fields, int maxBytes) {
        this.maxBytes = maxBytes;
        this.idFields = Arrays.stream(fields.id().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.urlField = fields.url().trim();
        this.contentPathField = fields.contentPath().trim();
        this.enabledField = fields.enabled().trim();
        owned.addAll(idFields);
        owned.addAll(List.of(urlField, contentPathField, enabledField));
    }

    public CatalogItem map(JsonNode item) {
        if (!item.isObject()) {
            return CatalogItem.invalid(null, "not a JSON object");
        }
        Long id = id(item);
        if (id == null) {
            return CatalogItem.invalid(null, "no whole-number " + String.join("/", idFields));
        }
        int bytes = item.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            return CatalogItem.invalid(id, "the item is " + bytes + " bytes, more than " + maxBytes + " (CATALOG_MAX_ITEM_BYTES)");
        }
        JsonNode url = item.path(urlField);
        if (!url.isTextual() || !httpUrl(url.asText())) {
            return CatalogItem.invalid(id, "no http(s) " + urlField);
        }
        JsonNode contentPath = item.path(contentPathField);
        if (!contentPath.isTextual()) {
            return CatalogItem.invalid(id, "no " + contentPathField);
        }
        JsonNode enabled = item.path(enabledField);
        if (!enabled.isMissingNode() && !enabled.isNull() && !enabled.isBoolean()) {
            return CatalogItem.invalid(id, enabledField + " is not true or false");
        }
        ObjectNode rest = ((ObjectNode) item).deepCopy();
        rest.remove(owned);
        Document catalog;
        try {
            catalog = Document.parse(rest.toString());
        } catch (RuntimeException e) {
            return CatalogItem.invalid(id, "its other fields cannot be stored: " + e.getMessage());
        }
        return new CatalogItem(id, url.asText().trim(), contentPath.asText(), !enabled.isBoolean() || enabled.asBoolean(), catalog, null);
    }

    private Long id(JsonNode item) {
        for (String field : idFields) {
            JsonNode value = item.path(field);
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                return value.asLong();
            }
            if (value.isTextual() && value.asText().matches("[0-9]{1,18}")) {
                return Long.parseLong(value.asText());
            }
        }
        return null;
    }

    private static boolean httpUrl(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
