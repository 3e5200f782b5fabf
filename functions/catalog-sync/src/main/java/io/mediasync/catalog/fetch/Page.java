package io.mediasync.catalog.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** One page of the listing: its items as the API sent them, and the next page's URL, if any. */
public record Page(int number, List<JsonNode> items, Optional<URI> next) {
}
