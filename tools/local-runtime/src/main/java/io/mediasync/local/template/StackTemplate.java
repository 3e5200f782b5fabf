package io.mediasync.local.template;

import io.mediasync.local.template.StackModel.FunctionDef;
import io.mediasync.local.template.StackModel.HttpRoute;
import io.mediasync.local.template.StackModel.QueueDef;
import io.mediasync.local.template.StackModel.ScheduleDef;
import io.mediasync.local.template.StackModel.SqsSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads template.yaml into a {@link StackModel}: the one description of the wiring, shared with
 * AWS. Parameters take their defaults unless overridden (locally: PackageType=jvm, since only JVM
 * packages can be built without a container). A secret the template passes by ARN ({@code *_SECRET_ARN}) becomes the
 * plain variables it stands for ({@link SecretVariables}), filled by {@code localSecrets}: a local stack gets plain
 * values and no ARNs. A dynamic reference in an environment stops the reading: it would put the secret in the
 * function's configuration.
 */
public final class StackTemplate {

    private final Map<String, Object> resources;
    private final Map<String, Object> globals;
    private final Intrinsics intrinsics;
    private final Path baseDir;
    private final String sqsBase;
    private final Set<String> resolving = new HashSet<>();
    private final Grants grants;

    private StackTemplate(Map<String, Object> template, Map<String, String> parameterOverrides, Path baseDir, String sqsBase) {
        this.resources = map(template.get("Resources"));
        Map<String, Object> globalSection = map(template.get("Globals"));
        this.globals = map(globalSection.get("Function"));
        this.baseDir = baseDir;
        this.sqsBase = sqsBase;
        Map<String, Object> parameters = new LinkedHashMap<>();
        map(template.get("Parameters")).forEach((name, def) -> {
            Object dflt = map(def).get("Default");
            parameters.put(name, dflt == null ? "" : String.valueOf(dflt));
        });
        parameters.putAll(parameterOverrides);
        this.intrinsics = new Intrinsics(parameters, map(template.get("Conditions")), this::ref, this::attribute);
        this.grants = new Grants(resources, this::properties);
    }

    /**
     * @param sqsBase the local SQS base URL, e.g. http://127.0.0.1:9324, for queue URLs
     * @param localSecrets value of a plain variable standing for a secret (MONGO_URL, POSTBACK_SECRET, ...), or null: not set
     */
    public static StackModel load(Path templateFile, Map<String, String> parameterOverrides, String sqsBase,
            Function<String, String> localSecrets) throws IOException {
        StackTemplate t = new StackTemplate(CfnYaml.read(templateFile), parameterOverrides,
                templateFile.toAbsolutePath().getParent(), sqsBase);
        return t.model(localSecrets);
    }

    private StackModel model(Function<String, String> localSecrets) {
        List<QueueDef> queues = new ArrayList<>();
        List<String> buckets = new ArrayList<>();
        List<FunctionDef> functions = new ArrayList<>();
        for (Map.Entry<String, Object> entry : resources.entrySet()) {
            String id = entry.getKey();
            Map<String, Object> resource = map(entry.getValue());
            if (!exists(resource)) {
                continue;
            }
            switch (String.valueOf(resource.get("Type"))) {
                case "AWS::SQS::Queue" -> queues.add(queue(id));
                case "AWS::S3::Bucket" -> buckets.add(name(id));
                case "AWS::Serverless::Function" -> functions.add(function(id, localSecrets));
                default -> {
                    // IAM, log groups, policies: nothing to emulate locally
                }
            }
        }
        Map<String, List<HttpRoute>> apiRoutes = ApiRoutes.byFunction(resources, this::exists);
        functions.replaceAll(f -> apiRoutes.containsKey(f.logicalId()) ? withRoutes(f, apiRoutes.get(f.logicalId())) : f);
        return new StackModel(queues, buckets, functions, grants.all(this::exists));
    }

    private static FunctionDef withRoutes(FunctionDef f, List<HttpRoute> more) {
        List<HttpRoute> routes = new ArrayList<>(f.httpRoutes());
        routes.addAll(more);
        return new FunctionDef(f.logicalId(), f.name(), f.codeUri(), f.runtime(), f.handler(), f.timeoutSeconds(), f.memoryMb(),
                f.environment(), f.secrets(), f.sqsSources(), f.schedules(), routes, f.role());
    }

    private QueueDef queue(String id) {
        Map<String, Object> props = properties(id);
        String name = name(id);
        boolean fifo = Boolean.parseBoolean(String.valueOf(props.getOrDefault("FifoQueue", "false")));
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : List.of("VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds", "ReceiveMessageWaitTimeSeconds",
                "ContentBasedDeduplication", "MaximumMessageSize")) {
            if (props.containsKey(attribute)) {
                attributes.put(attribute, String.valueOf(props.get(attribute)));
            }
        }
        if (fifo) {
            attributes.put("FifoQueue", "true");
        }
        Optional<String> dlq = Optional.empty();
        int maxReceive = 0;
        Map<String, Object> redrive = map(props.get("RedrivePolicy"));
        if (!redrive.isEmpty()) {
            String arn = String.valueOf(redrive.get("deadLetterTargetArn"));
            dlq = Optional.of(arn.substring(arn.lastIndexOf(':') + 1));
            maxReceive = Integer.parseInt(String.valueOf(redrive.get("maxReceiveCount")));
        }
        int visibility = Integer.parseInt(attributes.getOrDefault("VisibilityTimeout", "30"));
        return new QueueDef(id, name, fifo, attributes, dlq, maxReceive, visibility);
    }

    private FunctionDef function(String id, Function<String, String> localSecrets) {
        Map<String, Object> shared = map(intrinsics.evaluate(globals));
        Map<String, Object> own = properties(id);
        Map<String, Object> props = new LinkedHashMap<>(shared);
        props.putAll(own);
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        for (Map<String, Object> source : List.of(map(map(shared.get("Environment")).get("Variables")),
                map(map(own.get("Environment")).get("Variables")))) {
            source.forEach((k, v) -> {
                String value = String.valueOf(v);
                if (value.contains("{{resolve:")) {
                    throw new IllegalStateException("template: " + id + " " + k + " holds a dynamic reference, which puts the secret in"
                            + " the function's configuration: pass the secret's ARN in a *" + SecretVariables.SUFFIX + " variable");
                }
                if (SecretVariables.isSecretArn(k)) {
                    secrets.put(k, value);
                    SecretVariables.plainFor(k).forEach(plain -> env.put(plain, localSecrets.apply(plain)));
                } else {
                    env.put(k, value);
                }
            });
        }
        env.values().removeIf(v -> v == null);
        List<SqsSource> sqs = new ArrayList<>();
        List<ScheduleDef> schedules = new ArrayList<>();
        List<HttpRoute> routes = new ArrayList<>();
        map(props.get("Events")).forEach((eventName, e) -> {
            Map<String, Object> event = map(e);
            Map<String, Object> p = map(event.get("Properties"));
            boolean enabled = !"false".equals(String.valueOf(p.getOrDefault("Enabled", "true")))
                    && !"DISABLED".equals(String.valueOf(p.getOrDefault("State", "ENABLED")));
            switch (String.valueOf(event.get("Type"))) {
                case "SQS" -> {
                    String arn = String.valueOf(p.get("Queue"));
                    boolean partial = String.valueOf(p.getOrDefault("FunctionResponseTypes", "")).contains("ReportBatchItemFailures");
                    int concurrency = Integer.parseInt(String.valueOf(map(p.get("ScalingConfig")).getOrDefault("MaximumConcurrency", "2")));
                    sqs.add(new SqsSource(eventName, arn.substring(arn.lastIndexOf(':') + 1),
                            Integer.parseInt(String.valueOf(p.getOrDefault("BatchSize", "10"))), partial, concurrency, enabled));
                }
                case "ScheduleV2", "Schedule" -> schedules.add(new ScheduleDef(eventName,
                        String.valueOf(p.getOrDefault("Name", eventName)),
                        String.valueOf(p.getOrDefault("ScheduleExpression", p.get("Schedule"))),
                        String.valueOf(p.getOrDefault("ScheduleExpressionTimezone", "UTC")),
                        p.get("Input") == null ? "{}" : String.valueOf(p.get("Input")), enabled));
                case "HttpApi", "Api" -> routes.add(new HttpRoute(eventName,
                        String.valueOf(p.getOrDefault("Method", "ANY")).toUpperCase(), String.valueOf(p.getOrDefault("Path", "/{proxy+}"))));
                default -> {
                }
            }
        });
        return new FunctionDef(id, name(id), baseDir.resolve(String.valueOf(props.get("CodeUri"))).normalize(),
                String.valueOf(props.getOrDefault("Runtime", "java21")), String.valueOf(props.getOrDefault("Handler", "")),
                Integer.parseInt(String.valueOf(props.getOrDefault("Timeout", "3"))),
                Integer.parseInt(String.valueOf(props.getOrDefault("MemorySize", "128"))), env, secrets, sqs, schedules, routes,
                grants.roleOf(id));
    }

    private boolean exists(Map<String, Object> resource) {
        Object condition = resource.get("Condition");
        return condition == null || intrinsics.condition(String.valueOf(condition));
    }

    private Map<String, Object> properties(String id) {
        if (!resolving.add(id)) {
            throw new IllegalStateException("template: circular reference through " + id);
        }
        try {
            return map(intrinsics.evaluate(map(resources.get(id)).get("Properties")));
        } finally {
            resolving.remove(id);
        }
    }

    /** The physical name: QueueName/BucketName/FunctionName/LogGroupName, or the logical id when the template sets none. */
    private String name(String id) {
        Map<String, Object> raw = map(map(resources.get(id)).get("Properties"));
        for (String key : List.of("QueueName", "BucketName", "FunctionName", "LogGroupName")) {
            if (raw.containsKey(key)) {
                if (!resolving.add(id + "#name")) {
                    throw new IllegalStateException("template: circular name of " + id);
                }
                try {
                    return intrinsics.string(raw.get(key));
                } finally {
                    resolving.remove(id + "#name");
                }
            }
        }
        return id;
    }

    private Object ref(String id) {
        Map<String, Object> resource = map(resources.get(id));
        if (resource.isEmpty()) {
            throw new IllegalArgumentException("template: !Ref to unknown " + id);
        }
        return "AWS::SQS::Queue".equals(resource.get("Type")) ? sqsBase + "/000000000000/" + name(id) : name(id);
    }

    private Object attribute(String id, String attribute) {
        Map<String, Object> resource = map(resources.get(id));
        String type = String.valueOf(resource.get("Type"));
        String name = name(id);
        return switch (type + "." + attribute) {
            case "AWS::SQS::Queue.Arn" -> "arn:aws:sqs:us-east-1:000000000000:" + name;
            case "AWS::SQS::Queue.QueueName" -> name;
            case "AWS::SQS::Queue.QueueUrl" -> sqsBase + "/000000000000/" + name;
            case "AWS::S3::Bucket.Arn" -> "arn:aws:s3:::" + name;
            case "AWS::S3::Bucket.DomainName", "AWS::S3::Bucket.RegionalDomainName" -> name + ".s3.amazonaws.com";
            case "AWS::Serverless::Function.Arn" -> "arn:aws:lambda:us-east-1:000000000000:function:" + name;
            case "AWS::Logs::LogGroup.Arn" -> "arn:aws:logs:us-east-1:000000000000:log-group:" + name + ":*"; // as AWS gives it
            case "AWS::IAM::Role.Arn" -> "arn:aws:iam::000000000000:role/" + id;
            default -> "arn:aws:local:us-east-1:000000000000:" + id;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
