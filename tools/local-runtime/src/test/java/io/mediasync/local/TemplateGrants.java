package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.local.template.CfnYaml;
import io.mediasync.local.template.StackModel.FunctionDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the grants out of template.yaml for the template checks: the Allow statements of functions' roles, queue policies' Denies. */
final class TemplateGrants {

    private TemplateGrants() {
    }

    /**
     * The Allow statements of the function's explicit role; a function that relies on a role SAM generates fails: SAM
     * attaches managed policies to it (AWSLambdaSQSQueueExecutionRole: SQS on *) that no check here could see.
     */
    static List<Map<String, Object>> allowStatements(FunctionDef f) {
        assertThat(f.role()).as(f.name() + " has its own role (Role: !GetAtt " + f.logicalId() + "Role.Arn), not one SAM generates")
                .isPresent();
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Map<String, Object> document : f.role().get().policyDocuments()) {
            for (Map<String, Object> st : statements(document)) {
                if ("Allow".equals(st.get("Effect"))) {
                    statements.add(st);
                }
            }
        }
        return statements;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> document) {
        return ((List<Object>) document.getOrDefault("Statement", List.of())).stream().map(st -> (Map<String, Object>) st).toList();
    }

    /** Every resource an Allow statement of the function grants {@code action} on. */
    static List<String> allowed(FunctionDef f, String action) {
        return allowStatements(f).stream().filter(st -> strings(st.get("Action")).contains(action))
                .flatMap(st -> strings(st.get("Resource")).stream()).toList();
    }

    /** The logical ids of the roles a queue policy's Deny of {@code action} excepts ({@code ArnNotEquals aws:PrincipalArn}). */
    @SuppressWarnings("unchecked")
    static List<String> queuePolicyDenyExceptions(String policyId, String action) throws Exception {
        Map<String, Object> resources = (Map<String, Object>) CfnYaml.read(Repo.root().resolve("template.yaml")).get("Resources");
        Map<String, Object> policy = (Map<String, Object>) ((Map<String, Object>) resources.get(policyId)).get("Properties");
        List<String> excepted = new ArrayList<>();
        for (Object s : (List<Object>) ((Map<String, Object>) policy.get("PolicyDocument")).get("Statement")) {
            Map<String, Object> st = (Map<String, Object>) s;
            if ("Deny".equals(st.get("Effect")) && "*".equals(st.get("Principal")) && strings(st.get("Action")).contains(action)) {
                Map<String, Object> notEquals = (Map<String, Object>) ((Map<String, Object>) st.get("Condition")).get("ArnNotEquals");
                for (Object arn : (List<Object>) notEquals.get("aws:PrincipalArn")) {
                    Object target = ((Map<?, ?>) arn).get("Fn::GetAtt");
                    excepted.add(target instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(target).split("\\.")[0]);
                }
            }
        }
        return excepted;
    }

    static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
    }
}
