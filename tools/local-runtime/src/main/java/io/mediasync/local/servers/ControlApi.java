package io.mediasync.local.servers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.local.LocalCloud;
import io.mediasync.local.Unconfigured;
import io.mediasync.local.runtime.FunctionProcess;
import io.mediasync.local.runtime.Invocation;
import io.mediasync.local.template.StackModel.FunctionDef;
import io.mediasync.local.template.StackModel.ScheduleDef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The local runtime's own endpoints under {@code /_mediasync/}, which {@code ./mediasync
 * invoke|trigger|env} call. {@code GET /_mediasync/} lists them with the functions and schedules
 * they take. Who may call them, and how much they may send, {@link GatewayGuard} decides for every route of
 * the gateway.
 */
public final class ControlApi {

    public static final String PREFIX = "/_mediasync/";

    record Route(String method, String path, String what) {
    }

    static final List<Route> ROUTES = List.of(
            new Route("GET", PREFIX, "this list: the control routes, the functions and the schedules"),
            new Route("GET", PREFIX + "status", "the endpoints (SQS, S3, MongoDB, images), the database and cold starts"),
            new Route("POST", PREFIX + "invoke/{function}", "invoke a function once, the body as its event (./mediasync invoke)"),
            new Route("POST", PREFIX + "trigger/{schedule}", "fire a schedule now (./mediasync trigger)"));

    /** What a control request answers: an HTTP status and a JSON body. */
    record Answer(int status, String json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalCloud cloud;

    ControlApi(LocalCloud cloud) {
        this.cloud = cloud;
    }

    static boolean isControl(String path) {
        return path.startsWith(PREFIX) || path.equals(PREFIX.substring(0, PREFIX.length() - 1));
    }

    /** @param method upper case, e.g. POST; the request has passed {@link GatewayGuard} */
    Answer handle(String method, String path, byte[] body) {
        String route = path.length() <= PREFIX.length() ? "" : path.substring(PREFIX.length());
        if (route.isEmpty() && method.equals("GET")) {
            return new Answer(200, index().toString());
        }
        if (route.equals("status") && method.equals("GET")) {
            return new Answer(200, status().toString());
        }
        if (route.startsWith("invoke/") && method.equals("POST")) {
            String name = route.substring("invoke/".length());
            Optional<FunctionProcess> function = cloud.function(name);
            if (function.isEmpty()) {
                return new Answer(404, error("no function " + name + " in the template").set("functions", functions()).toString());
            }
            return answer(function.get().invoke(body.length == 0 ? "{}" : new String(body, StandardCharsets.UTF_8)));
        }
        if (route.startsWith("trigger/") && method.equals("POST")) {
            String name = route.substring("trigger/".length());
            return cloud.trigger(name).map(ControlApi::answer)
                    .orElseGet(() -> new Answer(404, error("no schedule " + name + " in the template").set("schedules", schedules()).toString()));
        }
        return new Answer(404, error("no control route " + method + " " + path).set("routes", routes()).toString());
    }

    private ObjectNode index() {
        ObjectNode index = JSON.createObjectNode();
        index.set("routes", routes());
        index.set("functions", functions());
        index.set("schedules", schedules());
        return index;
    }

    private static ArrayNode routes() {
        ArrayNode routes = JSON.createArrayNode();
        ROUTES.forEach(r -> routes.addObject().put("method", r.method()).put("path", r.path()).put("what", r.what()));
        return routes;
    }

    /** Each function by the name to type ({@code image-resizer}) and its full name. */
    private ArrayNode functions() {
        List<FunctionDef> defs = cloud.model().functions();
        int prefix = commonPrefix(defs.stream().map(FunctionDef::name).toList());
        ArrayNode functions = JSON.createArrayNode();
        defs.forEach(f -> functions.addObject().put("name", f.name().substring(prefix)).put("functionName", f.name()));
        return functions;
    }

    private ArrayNode schedules() {
        ArrayNode schedules = JSON.createArrayNode();
        for (FunctionDef f : cloud.model().functions()) {
            for (ScheduleDef s : f.schedules()) {
                schedules.addObject().put("name", s.eventName()).put("scheduleName", s.name()).put("expression", s.expression())
                        .put("timezone", s.timezone()).put("function", f.name()).put("enabled", s.enabled());
            }
        }
        return schedules;
    }

    private ObjectNode status() {
        ObjectNode status = JSON.createObjectNode();
        status.put("sqs", cloud.endpoints().sqs().toString());
        status.put("s3", cloud.endpoints().s3().toString());
        status.put("mongo", cloud.endpoints().mongo());
        cloud.database().ifPresent(db -> status.put("database", db));
        status.put("images", cloud.imagesUrl());
        status.put("region", cloud.endpoints().region());
        status.put("dataDir", cloud.dataDir().toString());
        status.put("readyMillis", cloud.readyMillis());
        ObjectNode functions = status.putObject("functions");
        cloud.functions().forEach((name, f) -> {
            ObjectNode function = functions.putObject(name).put("coldStartMillis", f.lastColdStartMillis())
                    .put("invocations", f.stats().invocations()).put("errors", f.stats().errors()).put("coldStarts", f.stats().coldStarts());
            var last = f.stats().lastError();
            if (last != null) {
                function.putObject("lastError").put("at", last.at().toString()).put("body", last.body());
            }
            function.put("unconfigured", String.join(",", Unconfigured.of(f.function())));
        });
        return status;
    }

    /** Length of the names' common prefix up to its last '-' (mediasync-dev-), so one function's name is never cut. */
    static int commonPrefix(List<String> names) {
        if (names.size() < 2) {
            return 0;
        }
        String first = names.get(0);
        int length = first.length();
        for (String name : names) {
            length = Math.min(length, name.length());
            for (int i = 0; i < length; i++) {
                if (name.charAt(i) != first.charAt(i)) {
                    length = i;
                    break;
                }
            }
        }
        return first.lastIndexOf('-', length - 1) + 1;
    }

    private static Answer answer(Invocation.Result result) {
        return new Answer(result.error() ? 502 : 200, result.body());
    }

    static ObjectNode error(String message) {
        return JSON.createObjectNode().put("errorMessage", message);
    }
}
