package io.mediasync.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of the operator's commands ({@code dlq}, {@code records}): positional words, flags without a value
 * ({@code --all}), and options with one or more values ({@code --id A B}, {@code --id A --id B}).
 */
final class OpsArgs {

    final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final Set<String> flags;

    /** @param flags the options that take no value; any other {@code --name} takes the words after it */
    OpsArgs(String[] args, Set<String> flags, Set<String> multi) {
        this.flags = flags;
        String current = null;
        for (String arg : args) {
            if (arg.startsWith("--")) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                List<String> values = options.computeIfAbsent(name, k -> new ArrayList<>());
                if (arg.contains("=")) {
                    values.add(arg.substring(arg.indexOf('=') + 1));
                    current = null;
                } else {
                    current = flags.contains(name) ? null : name;
                }
            } else if (current != null) {
                options.get(current).add(arg);
                current = multi.contains(current) ? current : null;
            } else {
                positional.add(arg);
            }
        }
        options.forEach((name, values) -> {
            if (!flags.contains(name) && values.isEmpty()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
        });
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    Optional<String> value(String name) {
        List<String> values = options.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    int intValue(String name, int dflt) {
        String v = value(name).orElse(null);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a number, not " + v);
        }
    }

    /** The options given that are not among {@code known} (with the value-less flags). */
    List<String> unknown(Set<String> known) {
        return options.keySet().stream().filter(k -> !known.contains(k) && !flags.contains(k)).toList();
    }

    /** The arguments {@link ControlClient#of} reads: {@code --http-port N}, {@code --data-dir D}. */
    String[] controlArgs() {
        List<String> args = new ArrayList<>();
        value("--http-port").ifPresent(p -> args.addAll(List.of("--http-port", p)));
        value("--data-dir").ifPresent(d -> args.addAll(List.of("--data-dir", d)));
        return args.toArray(String[]::new);
    }
}
