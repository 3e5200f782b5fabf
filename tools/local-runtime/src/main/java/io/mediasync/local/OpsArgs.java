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
    }

    /** What is wrong with the arguments, said for people: an option not {@code known} (nor a flag), or one without its value. */
    Optional<String> problem(Set<String> known) {
        for (var option : options.entrySet()) {
            if (!known.contains(option.getKey()) && !flags.contains(option.getKey())) {
                return Optional.of("unknown option " + option.getKey());
            }
            if (!flags.contains(option.getKey()) && option.getValue().isEmpty()) {
                return Optional.of(option.getKey() + " needs a value");
            }
        }
        return Optional.empty();
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

    /** The arguments {@link ControlClient#of} reads: {@code --http-port N}, {@code --data-dir D}. */
    String[] controlArgs() {
        List<String> args = new ArrayList<>();
        value("--http-port").ifPresent(p -> args.addAll(List.of("--http-port", p)));
        value("--data-dir").ifPresent(d -> args.addAll(List.of("--data-dir", d)));
        return args.toArray(String[]::new);
    }
}
