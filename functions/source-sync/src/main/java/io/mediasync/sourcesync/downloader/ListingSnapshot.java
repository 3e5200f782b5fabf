package io.mediasync.sourcesync.downloader;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.sourcesync.downloader.adapter.RemoteItem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** A run's listing as gzip JSON, small enough for its sync_runs document (20 000 files: about 1 MB). */
final class ListingSnapshot {

    private static final TypeReference<List<RemoteItem>> ITEMS = new TypeReference<>() {
    };

    private ListingSnapshot() {
    }

    static byte[] encode(ObjectMapper json, List<RemoteItem> items) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            json.writeValue(gzip, items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<RemoteItem> decode(ObjectMapper json, byte[] gzipJson) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipJson))) {
            return json.readValue(in, ITEMS);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable listing snapshot", e);
        }
    }
}
