package io.mediasync.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Metric sums read from CloudWatch Embedded Metric Format lines (a JSON object with an {@code _aws} member whose
 * {@code CloudWatchMetrics} directives name the metrics, their values at the top level: a number or an array of them)
 * in the functions' log files, as CloudWatch would extract them. Keyed by log file, metric name and the values of the
 * directive's dimensions ({@code Outcome=done,Reason=-}). Nothing here knows which metrics the functions emit.
 */
public final class EmfCounts {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** log file name (the function) → "Metric{Dim=value,…}" → sum */
    private final Map<String, Map<String, Double>> sums = new TreeMap<>();
    private int lines;

    public static EmfCounts read(Path logs) throws IOException {
        EmfCounts counts = new EmfCounts();
        if (!Files.isDirectory(logs)) {
            return counts;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(logs)) {
            files = list.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
        for (Path file : files) {
            String function = file.getFileName().toString().replaceFirst("\\.log$", "");
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line; (line = reader.readLine()) != null; ) {
                    counts.add(function, line);
                }
            }
        }
        return counts;
    }

    void add(String function, String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("{") || !trimmed.contains("\"_aws\"")) {
            return;
        }
        JsonNode record;
        try {
            record = JSON.readTree(trimmed);
        } catch (IOException e) {
            return; // not JSON after all: CloudWatch would not extract it either
        }
        JsonNode directives = record.path("_aws").path("CloudWatchMetrics");
        if (!directives.isArray()) {
            return;
        }
        lines++;
        for (JsonNode directive : directives) {
            List<String> dimensions = new ArrayList<>();
            directive.path("Dimensions").forEach(set -> set.forEach(d -> {
                if (!dimensions.contains(d.asText())) {
                    dimensions.add(d.asText());
                }
            }));
            StringBuilder key = new StringBuilder();
            for (String d : dimensions) {
                key.append(key.length() == 0 ? "{" : ",").append(d).append('=').append(record.path(d).asText("-"));
            }
            String suffix = key.length() == 0 ? "" : key.append('}').toString();
            for (JsonNode metric : directive.path("Metrics")) {
                String name = metric.path("Name").asText();
                JsonNode value = record.path(name);
                double sum = 0;
                if (value.isArray()) {
                    for (JsonNode v : value) {
                        sum += v.asDouble();
                    }
                } else if (value.isNumber()) {
                    sum = value.asDouble();
                } else {
                    continue;
                }
                sums.computeIfAbsent(function, f -> new TreeMap<>()).merge(name + suffix, sum, Double::sum);
            }
        }
    }

    /** One function's sum of one metric over every dimension value it emitted the metric with (0 when none). */
    public long total(String function, String metric) {
        double sum = 0;
        for (Map.Entry<String, Double> e : sums.getOrDefault(function, Map.of()).entrySet()) {
            if (e.getKey().equals(metric) || e.getKey().startsWith(metric + "{")) {
                sum += e.getValue();
            }
        }
        return Math.round(sum);
    }

    public int lines() {
        return lines;
    }

    Map<String, Map<String, Double>> sums() {
        return sums;
    }
}
