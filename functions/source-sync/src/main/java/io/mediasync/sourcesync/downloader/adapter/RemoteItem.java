package io.mediasync.sourcesync.downloader.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One remote file a listing names.
 *
 * @param remoteId       stable identity within the source (a feed item's GUID and role, or the URL without tracking query)
 * @param url            where to fetch it (absolute http/https)
 * @param role           what it is to the listing: channel:image, item:enclosure, gallery:img, direct…
 * @param declaredLength the length the listing states (feed enclosures), or null
 * @param declaredType   the MIME type the listing states, or null
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemoteItem(
        @JsonProperty("id") String remoteId,
        @JsonProperty("url") String url,
        @JsonProperty("role") String role,
        @JsonProperty("length") Long declaredLength,
        @JsonProperty("type") String declaredType) {
}
