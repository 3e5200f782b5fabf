package io.mediasync.local.template;

import io.mediasync.local.template.StackModel.PolicyDef;
import io.mediasync.local.template.StackModel.RoleDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the template grants, read for its own checks (the local runtime enforces none of it): a function's explicit
 * role, and every policy document of the stack (roles, IAM policies, queue and bucket policies).
 */
final class Grants {

    private static final List<String> WITH_DOCUMENT = List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::SQS::QueuePolicy",
            "AWS::S3::BucketPolicy");

    private final Map<String, Object> resources;
    private final Function<String, Map<String, Object>> properties;

    /** @param properties a resource's Properties with every intrinsic resolved */
    Grants(Map<String, Object> resources, Function<String, Map<String, Object>> properties) {
        this.resources = resources;
        this.properties = properties;
    }

    /**
     * The role a function's {@code Role: !GetAtt <Id>.Arn} names in this template; empty when it sets no Role (SAM then
     * generates one, with managed policies the checks cannot see) or names a role from elsewhere.
     */
    Optional<RoleDef> roleOf(String functionId) {
        Object role = map(map(resources.get(functionId)).get("Properties")).get("Role");
        Object getAtt = map(role).get("Fn::GetAtt");
        if (!(getAtt instanceof List<?> target) || !"AWS::IAM::Role".equals(map(resources.get(String.valueOf(target.get(0)))).get("Type"))) {
            return Optional.empty();
        }
        String roleId = String.valueOf(target.get(0));
        Map<String, Object> props = properties.apply(roleId);
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object policy : list(props.get("Policies"))) {
            documents.add(map(map(policy).get("PolicyDocument")));
        }
        List<String> managed = list(props.get("ManagedPolicyArns")).stream().map(String::valueOf).toList();
        return Optional.of(new RoleDef(roleId, documents, managed));
    }

    /** Every statement of every policy document in the stack, by the resource that holds it. */
    List<PolicyDef> all(Function<Map<String, Object>, Boolean> exists) {
        List<PolicyDef> all = new ArrayList<>();
        resources.forEach((id, r) -> {
            String type = String.valueOf(map(r).get("Type"));
            if (!exists.apply(map(r)) || !type.equals("AWS::IAM::Role") && !WITH_DOCUMENT.contains(type)) {
                return;
            }
            Map<String, Object> props = properties.apply(id);
            List<Object> documents = type.equals("AWS::IAM::Role")
                    ? list(props.get("Policies")).stream().map(p -> map(p).get("PolicyDocument")).toList()
                    : List.of(props.getOrDefault("PolicyDocument", Map.of()));
            List<Map<String, Object>> statements = new ArrayList<>();
            for (Object document : documents) {
                list(map(document).get("Statement")).forEach(st -> statements.add(map(st)));
            }
            all.add(new PolicyDef(id, type, statements));
        });
        return all;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? List.copyOf(l) : value == null ? List.of() : List.of(value);
    }
}
