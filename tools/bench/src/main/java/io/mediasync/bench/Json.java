package io.mediasync.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** The little JSON the benchmark prints and reads back from its peers: flat objects of numbers and strings. */
final class Json {

    private Json() {
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** {"k":v,...} from alternating keys and values (Strings quoted, Doubles with 1-2 decimals, maps nested). */
    static String object(Object... keysAndValues) {
        StringJoiner out = new StringJoiner(",", "{", "}");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value == null) {
                continue;
            }
            out.add("\"" + keysAndValues[i] + "\":" + value(value));
        }
        return out.toString();
    }

    private static String value(Object value) {
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, Math.abs(d) < 10 ? "%.2f" : "%.1f", d);
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner out = new StringJoiner(",", "{", "}");
            map.forEach((k, v) -> out.add("\"" + k + "\":" + value(v)));
            return out.toString();
        }
        return String.valueOf(value);
    }

    /** A string field of a flat JSON line, or null. */
    static String text(String json, String key) {
        int start = json.indexOf("\"" + key + "\":\"");
        if (start < 0) {
            return null;
        }
        start += key.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }

    /** A number field of a flat JSON line, or NaN. */
    static double number(String json, String key) {
        int start = json.indexOf("\"" + key + "\":");
        if (start < 0) {
            return Double.NaN;
        }
        start += key.length() + 3;
        int end = start;
        while (end < json.length() && "-+.0123456789eE".indexOf(json.charAt(end)) >= 0) {
            end++;
        }
        return end == start ? Double.NaN : Double.parseDouble(json.substring(start, end));
    }
}
