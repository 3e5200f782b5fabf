package io.mediasync.local.template;

import java.util.List;
import java.util.Map;

/**
 * The template passes each secret by its ARN in a variable ending in {@code _SECRET_ARN}, which the functions read from
 * Secrets Manager at run time. A local stack has no Secrets Manager: instead of the ARN its functions get the plain
 * variables the secret stands for, as the seeds had them (the functions use those when no ARN is set), filled by the
 * local runtime's own secrets (its file-based postback secret, the devstack's MongoDB URL, the catalog settings of
 * {@code up}'s environment).
 */
public final class SecretVariables {

    public static final String SUFFIX = "_SECRET_ARN";

    /** Each secret's variable, and the plain variables its value fills (the catalog's credentials are JSON: two). */
    private static final Map<String, List<String>> PLAIN = Map.of(
            "MONGO_URL_SECRET_ARN", List.of("MONGO_URL"),
            "POSTBACK_SECRET_ARN", List.of("POSTBACK_SECRET"),
            "POSTBACK_LEGACY_SECRET_ARN", List.of("POSTBACK_LEGACY_SECRET_KEY"),
            "API_TOKEN_SECRET_ARN", List.of("API_TOKEN"),
            "API_CREDENTIALS_SECRET_ARN", List.of("API_USER", "API_PASSWORD"));

    private SecretVariables() {
    }

    public static boolean isSecretArn(String variable) {
        return variable.endsWith(SUFFIX);
    }

    /** The plain variables a local stack sets instead; a secret this runtime does not know stops the template's reading. */
    public static List<String> plainFor(String variable) {
        List<String> plain = PLAIN.get(variable);
        if (plain == null) {
            throw new IllegalStateException("template: " + variable + " names a secret the local runtime has no plain variable for"
                    + " (template/SecretVariables)");
        }
        return plain;
    }
}
