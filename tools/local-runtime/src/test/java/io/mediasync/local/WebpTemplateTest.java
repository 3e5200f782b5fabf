package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.local.template.CfnYaml;
import io.mediasync.local.template.StackModel;
import io.mediasync.local.template.StackTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The template's four WebP parameters reach the functions that read them, and every version still names its settings. */
class WebpTemplateTest {

    /** The stack with these parameter values, loaded once per test. */
    private static StackModel stack(Map<String, String> overrides) throws Exception {
        Map<String, String> parameters = new HashMap<>(LocalOptions.localParameters());
        parameters.putAll(overrides);
        return StackTemplate.load(Repo.root().resolve("template.yaml"), parameters, "http://127.0.0.1:9324", n -> "x");
    }

    private static Map<String, String> environment(StackModel stack, String function) {
        return stack.function(function).orElseThrow().environment();
    }

    @Test
    void by_default_every_function_keeps_the_seeds_jpeg_only_results() throws Exception {
        StackModel stack = stack(Map.of());
        assertThat(environment(stack, "image-resizer")).containsEntry("RESIZE_FORMATS", "jpeg").containsEntry("WEBP_QUALITY", "80");
        assertThat(environment(stack, "sync-orchestrator")).containsEntry("SYNC_WEBP", "false");
        assertThat(environment(stack, "collection-resync")).containsEntry("RESYNC_WEBP", "false");
        assertThat(environment(stack, "collection-resync-worker")).containsEntry("RESYNC_WEBP", "false");
    }

    @Test
    void the_parameters_turn_webp_on_where_each_order_is_written() throws Exception {
        StackModel stack = stack(Map.of("ResizeFormats", "jpeg,webp", "WebpQuality", "72", "SyncWebp", "true", "ResyncWebp", "true"));
        assertThat(environment(stack, "image-resizer")).containsEntry("RESIZE_FORMATS", "jpeg,webp").containsEntry("WEBP_QUALITY", "72");
        assertThat(environment(stack, "sync-orchestrator")).containsEntry("SYNC_WEBP", "true");
        // both write resize orders: the daily run and the worker that continues it
        assertThat(environment(stack, "collection-resync")).containsEntry("RESYNC_WEBP", "true");
        assertThat(environment(stack, "collection-resync-worker")).containsEntry("RESYNC_WEBP", "true");
    }

    /**
     * A changed parameter publishes a new version only through the VersionDescription, which Lambda caps at 256
     * characters: at every parameter's longest allowed value each description must still fit.
     */
    @Test
    void every_version_description_fits_lambdas_256_characters_at_the_longest_parameter_values() throws Exception {
        Map<String, Object> template = CfnYaml.read(Repo.root().resolve("template.yaml"));
        Map<String, Object> parameters = map(template.get("Parameters"));
        Pattern reference = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
        int checked = 0;
        for (Map.Entry<String, Object> resource : map(template.get("Resources")).entrySet()) {
            Object description = map(map(resource.getValue()).get("Properties")).get("VersionDescription");
            if (description == null) {
                continue;
            }
            String text = ((String) map(description).get("Fn::Sub")).strip();
            Matcher m = reference.matcher(text);
            StringBuilder longest = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(longest, "x".repeat(longestValue(map(parameters.get(m.group(1))), m.group(1))));
            }
            m.appendTail(longest);
            assertThat(longest.length()).as(resource.getKey() + "'s VersionDescription at its parameters' longest values").isLessThanOrEqualTo(256);
            checked++;
        }
        assertThat(checked).as("functions with a VersionDescription").isEqualTo(8);
    }

    private static int longestValue(Map<String, Object> parameter, String name) {
        if (parameter.get("MaxLength") != null) {
            return ((Number) parameter.get("MaxLength")).intValue();
        }
        if (parameter.get("AllowedValues") != null) {
            return ((List<?>) parameter.get("AllowedValues")).stream().mapToInt(v -> String.valueOf(v).length()).max().orElseThrow();
        }
        if ("Number".equals(parameter.get("Type")) && parameter.get("MaxValue") != null && parameter.get("MinValue") != null) {
            return Math.max(String.valueOf(parameter.get("MaxValue")).length(), String.valueOf(parameter.get("MinValue")).length());
        }
        throw new AssertionError(name + " is in a VersionDescription without a bound (MaxLength, AllowedValues or MinValue/MaxValue)");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }
}
