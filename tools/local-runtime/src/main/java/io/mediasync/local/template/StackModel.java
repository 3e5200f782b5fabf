package io.mediasync.local.template;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the local runtime needs from template.yaml, with every intrinsic already resolved. */
public record StackModel(List<QueueDef> queues, List<String> buckets, List<FunctionDef> functions, List<PolicyDef> policies) {

    /** An SQS queue; {@code deadLetterQueue} is the name of its DLQ, if it has a redrive policy. */
    public record QueueDef(String logicalId, String name, boolean fifo, Map<String, String> attributes,
            Optional<String> deadLetterQueue, int maxReceiveCount, int visibilityTimeoutSeconds) {
    }

    public record SqsSource(String eventName, String queueName, int batchSize, boolean reportBatchItemFailures,
            int maximumConcurrency, boolean enabled) {
    }

    /** A ScheduleV2 (or Schedule) event: {@code cron(...)} or {@code rate(...)}, with its time zone and input. */
    public record ScheduleDef(String eventName, String name, String expression, String timezone, String input, boolean enabled) {
    }

    public record HttpRoute(String eventName, String method, String path) {
    }

    /** A function's explicit role: its inline policy documents and managed policies, resolved (for the template's own checks). */
    public record RoleDef(String logicalId, List<Map<String, Object>> policyDocuments, List<String> managedPolicyArns) {
    }

    /** The statements of one resource that holds policy documents: a role, an IAM policy, a queue or bucket policy. */
    public record PolicyDef(String resourceId, String type, List<Map<String, Object>> statements) {
    }

    /**
     * @param environment what the function runs with locally: the template's variables, a secret's ARN replaced by the plain
     *                    variables it stands for ({@link SecretVariables})
     * @param secrets     the {@code *_SECRET_ARN} variables the template gives it in AWS, with the secret each names
     * @param role        its explicit role; empty when it relies on one SAM generates
     */
    public record FunctionDef(String logicalId, String name, Path codeUri, String runtime, String handler, int timeoutSeconds,
            int memoryMb, Map<String, String> environment, Map<String, String> secrets, List<SqsSource> sqsSources,
            List<ScheduleDef> schedules, List<HttpRoute> httpRoutes, Optional<RoleDef> role) {
    }

    public Optional<FunctionDef> function(String nameOrLogicalId) {
        return functions.stream().filter(f -> f.name().equals(nameOrLogicalId) || f.logicalId().equals(nameOrLogicalId)
                || f.name().endsWith("-" + nameOrLogicalId)).findFirst();
    }

    /** A variable the functions share (MONGO_DATABASE, RESIZED_BUCKET): the first function that sets it. */
    public Optional<String> functionSetting(String variable) {
        return functions.stream().map(f -> f.environment().get(variable)).filter(v -> v != null).findFirst();
    }

    public Optional<QueueDef> queue(String name) {
        return queues.stream().filter(q -> q.name().equals(name)).findFirst();
    }
}
