package io.mediasync.local;

import io.mediasync.testsupport.Endpoints;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What every function process gets on top of its template environment: where the local services are. */
final class FunctionEnvironment {

    /** Handed from {@code up}'s environment to the functions, as POSTBACK_SECRET is. */
    static final List<String> CATALOG_SETTINGS = List.of("CATALOG_API_URL", "CATALOG_TOKEN_URL", "API_TOKEN", "API_USER", "API_PASSWORD",
            "CATALOG_ORDER_NEW_SOURCES");

    /** The SSRF guard's allowed servers (IP:port), in functions/common's fetch settings. */
    static final String ALLOW_ORIGINS = "FETCH_ALLOW_ORIGINS";

    private FunctionEnvironment() {
    }

    /**
     * @param imagesPort    the local image server's port, the one loopback server every function may download from
     * @param upEnvironment the environment {@code up} runs in, where the catalog settings and FETCH_ALLOW_ORIGINS come from
     */
    static Map<String, String> of(Endpoints endpoints, String postbackSecret, int imagesPort, Map<String, String> upEnvironment) {
        Map<String, String> env = new HashMap<>();
        env.put("SQS_ENDPOINT_URL", endpoints.sqs().toString());
        env.put("S3_ENDPOINT_URL", endpoints.s3().toString());
        env.put("S3_PATH_STYLE", "true");
        env.put("AWS_REGION", endpoints.region());
        env.put("AWS_DEFAULT_REGION", endpoints.region());
        env.put("AWS_ACCESS_KEY_ID", endpoints.accessKey());
        env.put("AWS_SECRET_ACCESS_KEY", endpoints.secretKey());
        env.put("MONGO_URL", endpoints.mongo());
        env.put("POSTBACK_SECRET", postbackSecret);
        // loopback downloads from the image server and the servers up's FETCH_ALLOW_ORIGINS names (demos, tests) only:
        // an order for the SQS, S3 or MongoDB ports on the same 127.0.0.1 stays refused
        env.put(ALLOW_ORIGINS, "127.0.0.1:" + imagesPort + ",[::1]:" + imagesPort
                + Optional.ofNullable(upEnvironment.get(ALLOW_ORIGINS)).filter(o -> !o.isBlank()).map(o -> "," + o).orElse(""));
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // catalog-sync: the catalog API and its credentials come from this runtime's own environment (never the template)
        for (String name : CATALOG_SETTINGS) {
            String value = upEnvironment.get(name);
            if (value != null && !value.isBlank()) {
                env.put(name, value);
            }
        }
        return env;
    }
}
