package io.mediasync.nativecheck;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code native-image} driver's API options ({@code --features=…}) as the builder's hosted options
 * ({@code -H:Features=…}). The driver builds this table from the {@code @APIOption} annotations of the builder's
 * classes; it is not published on Maven Central, so the options Quarkus and the libraries of our packages use are
 * written out here, each as GraalVM 25 declares it. An option missing here is an error of the check, never skipped:
 * a silent gap would make the check prove less than it says.
 */
final class ApiOptions {

    /** How one API option becomes a hosted option. */
    sealed interface Rule {
    }

    /** {@code --name=v} (or {@code --name v} where {@code spaceSeparated}) → {@code -H:Option=v}; no value → {@code defaultValue}. */
    record Valued(String hostedOption, String defaultValue, boolean spaceSeparated) implements Rule {
    }

    /** {@code --name} → {@code -H:Option=value}, a fixed value. */
    record Fixed(String hostedOption, String value) implements Rule {
    }

    /** {@code --name} → {@code -H:+Option}. */
    record Flag(String hostedOption) implements Rule {
    }

    /** {@code --initialize-at-…=a,b} → {@code -H:ClassInitialization=a:suffix,b:suffix} (empty: every class). */
    record Initialization(String suffix) implements Rule {
    }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("--features", new Valued("Features", null, false)),
            Map.entry("--no-fallback", new Fixed("FallbackThreshold", "0")),
            Map.entry("--auto-fallback", new Fixed("FallbackThreshold", "5")),
            Map.entry("--force-fallback", new Fixed("FallbackThreshold", "10")),
            Map.entry("--link-at-build-time", new Valued("LinkAtBuildTime", "", false)),
            Map.entry("--link-at-build-time-paths", new Valued("LinkAtBuildTimePaths", null, false)),
            Map.entry("--initialize-at-run-time", new Initialization(":run_time")),
            Map.entry("--initialize-at-build-time", new Initialization(":build_time")),
            Map.entry("--enable-url-protocols", new Valued("EnableURLProtocols", null, false)),
            Map.entry("--enable-http", new Fixed("EnableURLProtocols", "http")),
            Map.entry("--enable-https", new Fixed("EnableURLProtocols", "https")),
            Map.entry("--enable-monitoring", new Valued("EnableMonitoringFeatures", "<deprecated-default>", false)),
            Map.entry("--enable-all-security-services", new Flag("EnableAllSecurityServices")),
            Map.entry("--install-exit-handlers", new Flag("InstallExitHandlers")),
            Map.entry("--add-opens", new Valued("AddOpens", null, true)),
            Map.entry("--add-exports", new Valued("AddExports", null, true)),
            Map.entry("--exact-reachability-metadata", new Valued("ThrowMissingRegistrationErrors", "", false)),
            Map.entry("--report-unsupported-elements-at-runtime", new Flag("ReportUnsupportedElementsAtRuntime")),
            Map.entry("--allow-incomplete-classpath", new Flag("AllowIncompleteClasspath")));

    private ApiOptions() {
    }

    static Optional<Rule> rule(String name) {
        return Optional.ofNullable(RULES.get(name));
    }

    /** The hosted option for {@code name} with {@code value} (null: the option was given without one). */
    static String hosted(String name, Rule rule, String value, String origin) {
        String api = origin + "+api";
        if (rule instanceof Valued v) {
            String actual = value != null ? value : v.defaultValue();
            if (actual == null) {
                throw new TranslationException(name + " from " + origin + " needs a value");
            }
            return "-H:" + v.hostedOption() + "@" + api + "=" + actual;
        }
        if (rule instanceof Initialization i) {
            return "-H:ClassInitialization@" + api + "=" + initialization(value, i.suffix());
        }
        requireNoValue(name, value, origin);
        if (rule instanceof Fixed f) {
            return "-H:" + f.hostedOption() + "@" + api + "=" + f.value();
        }
        return "-H:+" + ((Flag) rule).hostedOption() + "@" + api;
    }

    private static String initialization(String value, String suffix) {
        if (value == null || value.isEmpty()) {
            return suffix;
        }
        StringBuilder out = new StringBuilder();
        for (String element : value.split(",")) {
            out.append(out.isEmpty() ? "" : ",").append(element).append(suffix);
        }
        return out.toString();
    }

    private static void requireNoValue(String name, String value, String origin) {
        if (value != null) {
            throw new TranslationException(name + " from " + origin + " takes no value (got '" + value + "')");
        }
    }
}
