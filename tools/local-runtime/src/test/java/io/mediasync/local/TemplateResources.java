package io.mediasync.local;

import io.mediasync.local.template.CfnYaml;
import java.util.Map;

/** template.yaml read as plain maps, for the tests that check what it declares (beside {@link Repo}). */
final class TemplateResources {

    private TemplateResources() {
    }

    /** Its Resources: logical id → the resource's map. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resources() throws Exception {
        return (Map<String, Map<String, Object>>) template().get("Resources");
    }

    /** The whole template (Parameters, Rules, …). */
    static Map<String, Object> template() throws Exception {
        return CfnYaml.read(Repo.root().resolve("template.yaml"));
    }

    /** A node as a map; anything else (absent, a list, a scalar) as an empty one, so lookups can be chained. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
