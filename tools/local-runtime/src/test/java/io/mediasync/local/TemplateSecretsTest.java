package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.local.template.SecretVariables;
import io.mediasync.local.template.StackModel;
import io.mediasync.local.template.StackModel.FunctionDef;
import io.mediasync.local.template.StackTemplate;
import java.util.stream.Stream;
import java.util.List;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 §4: secrets are read at run time, not visible in a function's configuration. The template passes each by
 * its ARN (a *_SECRET_ARN variable), each role may read exactly the secrets its function is given, each package reads
 * the variables it is given, and a local stack gets plain values and no ARNs.
 */
class TemplateSecretsTest {

    static final String SECRET = "arn:aws:secretsmanager:us-east-1:000000000000:secret:";
    static final String MONGO_ARN = SECRET + "mediasync/dev/mongo-url-AbCdEf";
    static final String TOKEN_ARN = SECRET + "mediasync/dev/catalog-token-GhIjKl";

    /** Every secret parameter set: full ARNs (granted exactly) and names (granted as name-??????). */
    static final Map<String, String> ALL_SECRETS = Map.of("MongoUrlParameter", MONGO_ARN, "PostbackSecretArn", "mediasync/dev/postback",
            "PostbackLegacySecretArn", "mediasync/dev/legacy", "CatalogApiTokenSecretArn", TOKEN_ARN,
            "CatalogCredentialsSecretArn", "mediasync/dev/catalog-credentials");

    private static StackModel model(Map<String, String> overrides) throws Exception {
        Map<String, String> parameters = new HashMap<>(LocalOptions.localParameters());
        parameters.putAll(overrides);
        return StackTemplate.load(Repo.root().resolve("template.yaml"), parameters, "http://127.0.0.1:9324", n -> "local-" + n);
    }

    private static Set<String> expectedSecrets(String function, boolean optionalSecretsSet) {
        Map<String, Set<String>> more = Map.of("ImageResizerFunction", optionalSecretsSet
                ? Set.of("POSTBACK_SECRET_ARN", "POSTBACK_LEGACY_SECRET_ARN") : Set.of("POSTBACK_SECRET_ARN"),
                "SyncOrchestratorFunction", Set.of("POSTBACK_SECRET_ARN"),
                "CatalogSyncFunction", optionalSecretsSet ? Set.of("API_TOKEN_SECRET_ARN", "API_CREDENTIALS_SECRET_ARN") : Set.of());
        Set<String> expected = new java.util.TreeSet<>(more.getOrDefault(function, Set.of()));
        expected.add("MONGO_URL_SECRET_ARN");
        return expected;
    }

    @Test
    void noFunctionEnvironmentHoldsADynamicReference() throws Exception {
        assertThat(Files.readString(Repo.root().resolve("template.yaml"))).doesNotContain("{{resolve:");
        for (FunctionDef f : model(ALL_SECRETS).functions()) {
            assertThat(f.environment().values()).as(f.name()).noneMatch(v -> v.contains("resolve:") || v.contains(":secretsmanager:"));
        }
    }

    @Test
    void eachFunctionMayReadExactlyTheSecretsItIsGiven() throws Exception {
        for (boolean all : new boolean[] {false, true}) {
            StackModel model = model(all ? ALL_SECRETS : Map.of());
            for (FunctionDef f : model.functions()) {
                assertThat(f.secrets().keySet()).as(f.name() + " is given").isEqualTo(expectedSecrets(f.logicalId(), all));
                Set<String> grants = f.secrets().values().stream().map(v -> v.startsWith("arn:") ? v : SECRET + v + "-??????")
                        .collect(Collectors.toSet());
                assertThat(Set.copyOf(TemplateGrants.allowed(f, "secretsmanager:GetSecretValue"))).as(f.name() + " may read").isEqualTo(grants);
                assertThat(TemplateGrants.allowStatements(f)).flatExtracting(st -> TemplateGrants.strings(st.get("Action")))
                        .filteredOn(a -> a.startsWith("secretsmanager:")).containsOnly("secretsmanager:GetSecretValue");
            }
        }
        FunctionDef catalog = model(ALL_SECRETS).function("catalog-sync").orElseThrow();
        assertThat(catalog.secrets()).containsEntry("MONGO_URL_SECRET_ARN", MONGO_ARN).containsEntry("API_TOKEN_SECRET_ARN", TOKEN_ARN)
                .containsEntry("API_CREDENTIALS_SECRET_ARN", "mediasync/dev/catalog-credentials");
        assertThat(TemplateGrants.allowed(catalog, "secretsmanager:GetSecretValue")).containsExactlyInAnyOrder(MONGO_ARN, TOKEN_ARN,
                SECRET + "mediasync/dev/catalog-credentials-??????");
    }

    @Test
    void aLocalStackGetsPlainValuesAndNoArns() throws Exception {
        for (FunctionDef f : model(ALL_SECRETS).functions()) {
            assertThat(f.environment().keySet()).as(f.name()).noneMatch(SecretVariables::isSecretArn);
            assertThat(f.environment()).as(f.name()).containsEntry("MONGO_URL", "local-MONGO_URL");
        }
        assertThat(model(ALL_SECRETS).function("image-resizer").orElseThrow().environment())
                .containsEntry("POSTBACK_SECRET", "local-POSTBACK_SECRET")
                .containsEntry("POSTBACK_LEGACY_SECRET_KEY", "local-POSTBACK_LEGACY_SECRET_KEY");
        assertThat(model(ALL_SECRETS).function("catalog-sync").orElseThrow().environment()).containsEntry("API_TOKEN", "local-API_TOKEN")
                .containsEntry("API_USER", "local-API_USER").containsEntry("API_PASSWORD", "local-API_PASSWORD");
        // a local secret the runtime does not have is not set at all (as LocalCloud's map leaves the catalog's)
        FunctionDef catalog = StackTemplate.load(Repo.root().resolve("template.yaml"), withAll(), "http://127.0.0.1:9324",
                n -> n.equals("MONGO_URL") ? "mongodb://127.0.0.1:27017" : null).function("catalog-sync").orElseThrow();
        assertThat(catalog.environment()).containsEntry("MONGO_URL", "mongodb://127.0.0.1:27017")
                .doesNotContainKeys("API_TOKEN", "API_USER", "API_PASSWORD", "API_TOKEN_SECRET_ARN");
    }

    @Test
    void eachPackageReadsTheSecretsItIsGivenAndTheirPlainVariables() throws Exception {
        Map<Path, String> read = new HashMap<>(); // several functions share a package: each read once
        for (FunctionDef f : model(ALL_SECRETS).functions()) {
            Path module = f.codeUri().getParent().getParent();
            String configuration = read.containsKey(module) ? read.get(module) : configurationOf(module);
            read.put(module, configuration);
            for (String variable : f.secrets().keySet()) {
                assertThat(configuration).as(module + " reads " + variable).contains("${" + variable + ":}");
                SecretVariables.plainFor(variable).forEach(plain -> assertThat(configuration).as(module + " falls back to " + plain)
                        .contains("${" + plain + ":"));
            }
        }
    }

    /**
     * Where a package's variables are read: its application.properties and, by the configuration rule (each default
     * once, as {@code @WithDefault("${VARIABLE:default}")}), the mappings in its sources and in functions/common's.
     */
    private static String configurationOf(Path module) throws IOException {
        StringBuilder text = new StringBuilder(Files.readString(module.resolve("src/main/resources/application.properties")));
        for (Path sources : List.of(module.resolve("src/main/java"), module.resolveSibling("common").resolve("src/main/java"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    text.append(Files.readString(file));
                }
            }
        }
        return text.toString();
    }

    private static Map<String, String> withAll() {
        Map<String, String> parameters = new HashMap<>(LocalOptions.localParameters());
        parameters.putAll(ALL_SECRETS);
        return parameters;
    }
}
