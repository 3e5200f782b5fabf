package io.mediasync.testsupport.emf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a log line as CloudWatch Logs would an Embedded Metric Format document, and fails on anything the
 * specification (CloudWatch_Embedded_Metric_Format_Specification) forbids: the whole line one JSON object;
 * {@code _aws} with a numeric {@code Timestamp} and a {@code CloudWatchMetrics} array; each directive a
 * {@code Namespace}, {@code Dimensions} (dimension sets of at most 30 names, each a string member of the root) and
 * {@code Metrics} (at most 100, each {@code Name} a member that is a number or an array of at most 100 numbers, a
 * known {@code Unit}, a {@code StorageResolution} of 1 or 60), and no other members; at most 256 KB (a Lambda log
 * line).
 */
public final class EmfValidator {

    static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes",
            "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count",
            "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second",
            "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BYTES = 256 * 1024;

    private EmfValidator() {
    }

    /** Whether the line is meant as an EMF document (a JSON object with {@code _aws}); such a line must then be valid. */
    public static boolean isEmf(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("{") && trimmed.contains("\"_aws\"");
    }

    /** @throws AssertionError naming what the specification does not allow */
    public static EmfRecord validate(String line) {
        check(line.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES, "line over 256 KB", line);
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not one JSON object (" + e.getOriginalMessage() + "): " + line);
        }
        check(root != null && root.isObject(), "the root is not an object", line);
        JsonNode aws = root.get("_aws");
        check(aws != null && aws.isObject(), "_aws is missing or not an object", line);
        check(aws.path("Timestamp").isIntegralNumber() && aws.get("Timestamp").asLong() > 0, "_aws.Timestamp is not a number of ms", line);
        JsonNode directives = aws.get("CloudWatchMetrics");
        check(directives != null && directives.isArray(), "_aws.CloudWatchMetrics is not an array", line);
        List<EmfRecord.Directive> parsed = new ArrayList<>();
        for (JsonNode directive : directives) {
            parsed.add(directive(root, directive, line));
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (EmfRecord.Directive d : parsed) {
            d.units().keySet().forEach(name -> values.put(name, numbers(root.get(name))));
            d.dimensionSets().forEach(set -> set.forEach(name -> dimensions.put(name, root.get(name).asText())));
        }
        return new EmfRecord(parsed, dimensions, values);
    }

    private static EmfRecord.Directive directive(JsonNode root, JsonNode directive, String line) {
        check(directive.isObject(), "a directive is not an object", line);
        onlyMembers(directive, Set.of("Namespace", "Dimensions", "Metrics"), line);
        JsonNode namespace = directive.get("Namespace");
        check(namespace != null && namespace.isTextual() && !namespace.asText().isBlank() && namespace.asText().length() <= 255,
                "Namespace is not a string of 1 to 255 characters", line);
        JsonNode dimensions = directive.get("Dimensions");
        check(dimensions != null && dimensions.isArray(), "Dimensions is not an array", line);
        List<List<String>> sets = new ArrayList<>();
        for (JsonNode set : dimensions) {
            check(set.isArray() && set.size() <= 30, "a dimension set is not an array of at most 30 names", line);
            List<String> names = new ArrayList<>();
            for (JsonNode name : set) {
                check(name.isTextual(), "a dimension name is not a string", line);
                JsonNode value = root.get(name.asText());
                check(value != null && value.isTextual() && !value.asText().isBlank() && value.asText().length() <= 1024,
                        "dimension " + name + " is not a string member of 1 to 1024 characters", line);
                names.add(name.asText());
            }
            sets.add(names);
        }
        JsonNode metrics = directive.get("Metrics");
        check(metrics != null && metrics.isArray() && metrics.size() <= 100, "Metrics is not an array of at most 100", line);
        Map<String, String> units = new LinkedHashMap<>();
        for (JsonNode metric : metrics) {
            check(metric.isObject(), "a metric definition is not an object", line);
            onlyMembers(metric, Set.of("Name", "Unit", "StorageResolution"), line);
            JsonNode name = metric.get("Name");
            check(name != null && name.isTextual() && !name.asText().isEmpty() && name.asText().length() <= 255,
                    "a metric Name is not a string of 1 to 255 characters", line);
            String unit = metric.path("Unit").asText("None");
            check(UNITS.contains(unit), "unit " + unit + " is not a CloudWatch unit", line);
            JsonNode resolution = metric.get("StorageResolution");
            check(resolution == null || resolution.isInt() && (resolution.asInt() == 1 || resolution.asInt() == 60),
                    "StorageResolution is not 1 or 60", line);
            JsonNode value = root.get(name.asText());
            check(value != null && (value.isNumber() || value.isArray() && value.size() >= 1 && value.size() <= 100
                    && all(value.elements())), "metric " + name + " is not a number or an array of 1 to 100 numbers", line);
            units.put(name.asText(), unit);
        }
        return new EmfRecord.Directive(namespace.asText(), sets, units);
    }

    private static boolean all(Iterator<JsonNode> values) {
        while (values.hasNext()) {
            if (!values.next().isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static List<Double> numbers(JsonNode value) {
        List<Double> numbers = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> numbers.add(v.asDouble()));
        } else {
            numbers.add(value.asDouble());
        }
        return numbers;
    }

    private static void onlyMembers(JsonNode object, Set<String> allowed, String line) {
        object.fieldNames().forEachRemaining(f -> check(allowed.contains(f), "member " + f + " is not allowed there", line));
    }

    private static void check(boolean ok, String what, String line) {
        if (!ok) {
            throw new AssertionError("not a valid EMF document: " + what + ": " + line);
        }
    }
}
