package io.mediasync.resizer.order;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediasync.common.contracts.ResizeOrder;
import io.mediasync.resizer.imaging.OutputFormat;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An order's {@code "formats"}: which files each size is written as. JPEG is always one of them (every result names a
 * JPEG's URL, as the seed's clients read it), so the list can only add WebP; no other value does anything. Absent or
 * null: the deployment's default (RESIZE_FORMATS, itself "jpeg" unless configured).
 */
public final class OutputFormats {

    public static final String FIELD = ResizeOrder.FORMATS;
    private static final String ALLOWED = Arrays.stream(OutputFormat.values()).map(OutputFormat::extension)
            .collect(Collectors.joining(", "));

    private final Set<OutputFormat> defaults;

    /** @param defaults the deployment's default, checked at start-up ({@link #parseSetting}) */
    public OutputFormats(Set<OutputFormat> defaults) {
        this.defaults = Collections.unmodifiableSet(EnumSet.copyOf(defaults));
    }

    public Set<OutputFormat> defaults() {
        return defaults;
    }

    /** The formats an order asks for, or why the field is not a list of them; a repeated name counts once. */
    Set<OutputFormat> of(JsonNode field) throws OrderRejectedException {
        if (field == null || field.isNull()) {
            return defaults;
        }
        if (!field.isArray() || field.isEmpty()) {
            throw new OrderRejectedException("bad_field", FIELD + " must be a non-empty array of format names, e.g. "
                    + "[\"jpeg\", \"webp\"]");
        }
        EnumSet<OutputFormat> formats = EnumSet.noneOf(OutputFormat.class);
        for (JsonNode item : field) {
            if (!item.isTextual()) {
                throw new OrderRejectedException("bad_field", FIELD + " must hold strings (" + ALLOWED + "), not " + item);
            }
            formats.add(OutputFormat.named(item.asText()).orElseThrow(() -> new OrderRejectedException(
                    "unknown_format", FIELD + ": " + abbreviate(item.asText()) + " is not an output format (" + ALLOWED + ")")));
        }
        if (!formats.contains(OutputFormat.JPEG)) {
            throw new OrderRejectedException("bad_field", FIELD + " must include \"jpeg\": every result names the JPEG"
                    + " renditions, other formats come beside them");
        }
        return Collections.unmodifiableSet(formats);
    }

    /** RESIZE_FORMATS ("jpeg" or "jpeg,webp"): a bad value stops the start, with the reason. */
    public static Set<OutputFormat> parseSetting(String setting) {
        EnumSet<OutputFormat> formats = EnumSet.noneOf(OutputFormat.class);
        for (String name : setting.split(",", -1)) {
            formats.add(OutputFormat.named(name.trim()).orElseThrow(() -> new IllegalArgumentException(
                    "RESIZE_FORMATS: '" + name.trim() + "' is not an output format (" + ALLOWED + ")")));
        }
        if (!formats.contains(OutputFormat.JPEG)) {
            throw new IllegalArgumentException("RESIZE_FORMATS must include jpeg, got '" + setting + "'");
        }
        return formats;
    }

    /** The reason quotes the value, not a megabyte of it. */
    private static String abbreviate(String value) {
        String quoted = "\"" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\"";
        return quoted;
    }
}
