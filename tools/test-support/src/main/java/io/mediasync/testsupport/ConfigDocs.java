package io.mediasync.testsupport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The docs' configuration tables ({@code | variable | default | meaning |}) against the mappings' defaults: every
 * variable a mapping reads ({@code @WithDefault("${VAR:default}")}) is in a table, with the code's default. A default
 * is written once, in the code; the docs repeat it for readers, and this keeps them honest.
 */
public final class ConfigDocs {

    private static final Pattern TOKEN = Pattern.compile("`([^`]*)`");
    private static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern NESTED_DEFAULT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):[^${}]*}");

    private ConfigDocs() {
    }

    /**
     * What is wrong, one line per problem; empty when the docs agree with the code. A variable is looked up in the
     * docs in order (a function's own page first, then the page of the settings every function shares).
     */
    public static List<String> problems(List<Path> docs, Class<?>... mappings) {
        Map<String, Optional<String>> documented = new LinkedHashMap<>();
        for (Path doc : docs) {
            rows(doc).forEach(documented::putIfAbsent);
        }
        List<String> problems = new ArrayList<>();
        defaults(mappings).forEach((variable, setting) -> {
            Optional<String> written = documented.get(variable);
            if (written == null) {
                if (setting.fromExpression()) {
                    problems.add(variable + " (default '" + setting.value() + "') is in no table of " + docs);
                }
            } else if (!agrees(written, setting.value())) {
                problems.add(variable + ": the docs say " + written.map(v -> "'" + v + "'").orElse("no default")
                        + ", the code '" + setting.value() + "'");
            }
        });
        return problems;
    }

    /** A default as the code declares it, and whether a {@code ${VAR:…}} expression names the variable. */
    public record Setting(String value, boolean fromExpression) {
    }

    /** Variable → default of every method of these mappings (a plain default: the key's Quarkus variable name). */
    public static Map<String, Setting> defaults(Class<?>... mappings) {
        Map<String, Setting> defaults = new LinkedHashMap<>();
        for (Class<?> mapping : mappings) {
            String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
            for (Method method : mapping.getMethods()) {
                WithDefault annotation = method.getAnnotation(WithDefault.class);
                if (annotation == null) {
                    continue;
                }
                String value = annotation.value();
                int colon = value.indexOf(':');
                if (value.startsWith("${") && value.endsWith("}") && colon > 0
                        && VARIABLE.matcher(value.substring(2, colon)).matches()) {
                    defaults.putIfAbsent(value.substring(2, colon), new Setting(value.substring(colon + 1, value.length() - 1), true));
                } else {
                    defaults.putIfAbsent(environmentName(prefix, method.getName()), new Setting(value, false));
                }
            }
        }
        return defaults;
    }

    /** Variable → documented default (empty for "—" or a default told in words) of a page's configuration tables. */
    static Map<String, Optional<String>> rows(Path doc) {
        Map<String, Optional<String>> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : lines(doc)) {
            if (line.replace(" ", "").startsWith("|variable|default|")) {
                inTable = true;
                continue;
            }
            if (!line.startsWith("|")) {
                inTable = false;
            }
            String[] cells = line.split("\\|", -1);
            if (!inTable || cells.length < 4) {
                continue;
            }
            List<String> variables = tokens(cells[1]).stream().filter(t -> VARIABLE.matcher(t).matches()).toList();
            List<String> values = tokens(cells[2].replaceAll("\\([^)]*\\)", "").replaceAll("template: `[^`]*`", ""));
            for (int i = 0; i < variables.size(); i++) {
                rows.put(variables.get(i), values.size() == variables.size() ? Optional.of(values.get(i)) : Optional.empty());
            }
        }
        return rows;
    }

    /** "mediasync.invocation" and maxPages: MEDIASYNC_INVOCATION_MAX_PAGES. */
    static String environmentName(String prefix, String method) {
        String key = prefix + "." + method.replaceAll("([a-z0-9])([A-Z])", "$1-$2");
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The docs may name the variable a default falls back to ({@code ${FETCH_ALLOW_CIDRS:}} is "FETCH_ALLOW_CIDRS"). */
    private static boolean agrees(Optional<String> written, String code) {
        String plain = NESTED_DEFAULT.matcher(code).replaceAll("\\${$1}");
        if (written.isEmpty()) {
            return code.isEmpty();
        }
        String doc = written.get();
        return doc.equals(code) || doc.equals(plain) || ("${" + doc + "}").equals(plain);
    }

    private static List<String> tokens(String cell) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(cell);
        while (m.find()) {
            tokens.add(m.group(1));
        }
        return tokens;
    }

    private static List<String> lines(Path doc) {
        try {
            return Files.readAllLines(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
