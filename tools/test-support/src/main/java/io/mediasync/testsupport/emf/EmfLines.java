package io.mediasync.testsupport.emf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The EMF documents among a function's output lines (every one validated), and the sums CloudWatch would show: a
 * metric under one exact set of dimensions, added up over every value of every line, as the Sum statistic.
 */
public final class EmfLines {

    private final List<EmfRecord> records;

    private EmfLines(List<EmfRecord> records) {
        this.records = List.copyOf(records);
    }

    /** @throws AssertionError when a line meant as EMF is not valid */
    public static EmfLines of(String output) {
        List<EmfRecord> records = new ArrayList<>();
        output.lines().filter(EmfValidator::isEmf).forEach(line -> records.add(EmfValidator.validate(line)));
        return new EmfLines(records);
    }

    /** The lines of a log file from byte {@code offset} on (what was written since it was that long). */
    public static EmfLines ofFile(Path log, long offset) {
        try {
            if (!Files.exists(log)) {
                return new EmfLines(List.of());
            }
            byte[] bytes = Files.readAllBytes(log);
            String text = new String(bytes, (int) Math.min(offset, bytes.length), (int) Math.max(0, bytes.length - offset),
                    StandardCharsets.UTF_8);
            int lastNewline = text.lastIndexOf('\n');
            return of(lastNewline < 0 ? "" : text.substring(0, lastNewline + 1)); // a line being written is not read yet
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<EmfRecord> records() {
        return records;
    }

    /** The Sum of {@code metric} under exactly {@code dimensions}, e.g. Rejected by {Function, Reason}. */
    public double sum(String metric, Map<String, String> dimensions) {
        return records.stream().filter(r -> r.publishes(metric, dimensions))
                .flatMap(r -> r.values().get(metric).stream()).mapToDouble(Double::doubleValue).sum();
    }

    /** Every value of {@code metric} under exactly {@code dimensions} (the SampleCount is their number). */
    public List<Double> values(String metric, Map<String, String> dimensions) {
        return records.stream().filter(r -> r.publishes(metric, dimensions)).flatMap(r -> r.values().get(metric).stream()).toList();
    }

    /** The Sum of {@code metric} for one function, under the dimension set {Function}. */
    public double sum(String metric, String function) {
        return sum(metric, Map.of("Function", function));
    }
}
