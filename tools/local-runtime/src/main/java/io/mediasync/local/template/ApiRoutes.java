package io.mediasync.local.template;

import io.mediasync.local.template.StackModel.HttpRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP API routes written as plain {@code AWS::ApiGatewayV2::Route} resources (the catalog API, whose
 * authorization a parameter chooses, which SAM's HttpApi events cannot do): {@code RouteKey "PATCH /api/syncall"},
 * {@code Target: !Sub integrations/${Integration}}, the integration's {@code IntegrationUri} naming the function
 * ({@code !Ref Fn.Alias} or {@code !GetAtt Fn.Arn}). Read into the function's routes, as its HttpApi events are.
 */
final class ApiRoutes {

    private static final Pattern INTEGRATION = Pattern.compile("integrations/\\$\\{([A-Za-z0-9]+)}");

    private ApiRoutes() {
    }

    /** Function logical id → its routes. */
    static Map<String, List<HttpRoute>> byFunction(Map<String, Object> resources, Predicate<Map<String, Object>> exists) {
        Map<String, List<HttpRoute>> routes = new LinkedHashMap<>();
        resources.forEach((id, r) -> {
            Map<String, Object> resource = map(r);
            if (!"AWS::ApiGatewayV2::Route".equals(resource.get("Type")) || !exists.test(resource)) {
                return;
            }
            Map<String, Object> props = map(resource.get("Properties"));
            String[] key = String.valueOf(props.get("RouteKey")).trim().split("\\s+", 2);
            Matcher target = INTEGRATION.matcher(String.valueOf(map(props.get("Target")).getOrDefault("Fn::Sub", props.get("Target"))));
            if (key.length != 2 || !target.find()) {
                return; // $default routes and other targets: nothing the local gateway can forward
            }
            String function = functionOf(map(map(resources.get(target.group(1))).get("Properties")).get("IntegrationUri"));
            if (function != null) {
                routes.computeIfAbsent(function, f -> new ArrayList<>()).add(new HttpRoute(id, key[0].toUpperCase(), key[1]));
            }
        });
        return routes;
    }

    /** {@code !Ref Fn.Alias}, {@code !Ref Fn}, {@code !GetAtt Fn.Arn}: the function's logical id. */
    private static String functionOf(Object uri) {
        Map<String, Object> ref = map(uri);
        Object name = ref.containsKey("Ref") ? ref.get("Ref") : ref.get("Fn::GetAtt");
        if (name instanceof List<?> list && !list.isEmpty()) {
            return String.valueOf(list.get(0));
        }
        return name == null ? null : String.valueOf(name).split("\\.")[0];
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
