package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.local.template.CfnYaml;
import io.mediasync.local.template.StackModel;
import io.mediasync.local.template.StackModel.FunctionDef;
import io.mediasync.local.template.StackTemplate;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The project's own checks of template.yaml, plus cfn-lint where it is installed. */
class TemplateValidationTest {

    private final Path root = Repo.root();

    private Map<String, Object> template() throws Exception {
        return CfnYaml.read(root.resolve("template.yaml"));
    }

    private StackModel model() throws Exception {
        return StackTemplate.load(root.resolve("template.yaml"), LocalOptions.localParameters(), "http://127.0.0.1:9324", n -> "x");
    }

    @Test
    void everyHandlerNamedInTheTemplateExistsInItsPackage() throws Exception {
        for (FunctionDef f : model().functions()) {
            String handler = f.environment().get("QUARKUS_LAMBDA_HANDLER");
            assertThat(handler).as(f.name() + " selects its handler").isNotBlank();
            Path module = f.codeUri().getParent().getParent();
            assertThat(module.resolve("pom.xml")).as(f.name() + " CodeUri points into a module").exists();
            Pattern named = Pattern.compile("@Named\\(\"" + Pattern.quote(handler) + "\"\\)[\\s\\S]{0,200}implements RequestHandler");
            try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
                boolean found = sources.filter(p -> p.toString().endsWith(".java")).anyMatch(p -> named.matcher(read(p)).find());
                assertThat(found).as(f.name() + ": a RequestHandler annotated @Named(\"" + handler + "\") in " + module).isTrue();
            }
        }
    }

    @Test
    void everyQueueAFunctionReadsIsDeclared() throws Exception {
        StackModel model = model();
        for (FunctionDef f : model.functions()) {
            f.sqsSources().forEach(s -> assertThat(model.queue(s.queueName())).as(f.name() + " reads " + s.queueName()).isPresent());
        }
    }

    @Test
    void queuesRetryEnoughAndOutliveTheirConsumers() throws Exception {
        StackModel model = model();
        for (FunctionDef f : model.functions()) {
            for (var source : f.sqsSources()) {
                var queue = model.queue(source.queueName()).orElseThrow();
                assertThat(source.reportBatchItemFailures()).as(f.name() + " reports batch item failures").isTrue();
                assertThat(queue.deadLetterQueue()).as(queue.name() + " has a DLQ").isPresent();
                assertThat(queue.maxReceiveCount()).as(queue.name() + " maxReceiveCount").isGreaterThanOrEqualTo(5);
                assertThat(queue.visibilityTimeoutSeconds()).as(queue.name() + " visibility ≥ 6 × " + f.name() + " timeout")
                        .isGreaterThanOrEqualTo(6 * f.timeoutSeconds());
                if (queue.fifo()) {
                    assertThat(model.queue(queue.deadLetterQueue().get()).orElseThrow().fifo()).as("DLQ of a FIFO queue is FIFO").isTrue();
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySqsEventLimitsItsConcurrency() throws Exception {
        Map<String, Object> resources = (Map<String, Object>) template().get("Resources");
        resources.forEach((id, r) -> {
            Map<String, Object> events = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) r)
                    .getOrDefault("Properties", Map.of())).getOrDefault("Events", Map.of());
            events.forEach((name, e) -> {
                Map<String, Object> event = (Map<String, Object>) e;
                if ("SQS".equals(event.get("Type"))) {
                    Map<String, Object> props = (Map<String, Object>) event.get("Properties");
                    assertThat(props).as(id + "." + name).containsKey("ScalingConfig");
                }
            });
        });
    }

    /** Least privilege: no Allow statement grants "*" or "service:*" (a Deny of s3:* over plain HTTP is fine). */
    @Test
    void noPolicyGrantsWildcardActions() throws Exception {
        List<String> actions = new ArrayList<>();
        collectActions(template().get("Resources"), actions);
        assertThat(actions).isNotEmpty().noneMatch(a -> a.equals("*") || a.endsWith(":*"));
    }

    /** A resource ending in ":*" only as CloudWatch Logs writes a log group's ARN: the function's own group's streams. */
    @Test
    void everyGrantNamesItsResources() throws Exception {
        for (FunctionDef f : model().functions()) {
            String ownLogs = "arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/" + f.name() + ":*";
            for (Map<String, Object> st : TemplateGrants.allowStatements(f)) {
                assertThat(TemplateGrants.strings(st.get("Resource"))).as(f.name() + " " + st.get("Sid")).isNotEmpty()
                        .noneMatch(r -> r.equals("*") || r.endsWith(":*") && !r.equals(ownLogs) || r.endsWith(":::*"));
            }
        }
    }

    @Test
    void onlyTheOrchestratorDeletesAndNoFunctionTouchesAclsOrBucketSettings() throws Exception {
        for (FunctionDef f : model().functions()) {
            List<String> actions = TemplateGrants.allowStatements(f).stream().flatMap(st -> TemplateGrants.strings(st.get("Action")).stream()).toList();
            assertThat(actions).as(f.name()).noneMatch(a -> a.startsWith("s3:PutBucket") || a.startsWith("s3:DeleteBucket")
                    || a.contains("Acl") || a.contains("Lifecycle") || a.equals("sqs:ListQueues"));
            if (!f.name().endsWith("sync-orchestrator")) {
                assertThat(actions).as(f.name() + " never deletes").doesNotContain("s3:DeleteObject");
            }
        }
    }

    @Test
    void theResizerMaySendToExactlyTheAllowListedQueues() throws Exception {
        for (String list : List.of("ChannelImages", "A1,B2.fifo", "a,b,c,d,e,f")) {
            Map<String, String> parameters = new java.util.HashMap<>(LocalOptions.localParameters());
            parameters.put("RedirectQueues", list);
            FunctionDef resizer = StackTemplate.load(root.resolve("template.yaml"), parameters, "http://127.0.0.1:9324", n -> "x")
                    .function("image-resizer").orElseThrow();
            List<String> sqsResources = TemplateGrants.allowStatements(resizer).stream()
                    .filter(st -> TemplateGrants.strings(st.get("Action")).contains("sqs:SendMessage"))
                    .flatMap(st -> TemplateGrants.strings(st.get("Resource")).stream()).toList();
            List<String> expected = new ArrayList<>(List.of("GL_THUMBNAILS_READY", "GL_RESYNC_RESULTS")); // internal orders'
            expected.addAll(List.of(list.split(",")));
            assertThat(sqsResources).as(list).containsExactlyElementsOf(expected.stream()
                    .map(q -> "arn:aws:sqs:us-east-1:000000000000:" + q).toList());
            assertThat(resizer.environment()).containsEntry("REDIRECT_QUEUES", list);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDeadLetterQueueOnlyTakesItsOwnQueueAndRaisesAnAlarm() throws Exception {
        Map<String, Object> resources = (Map<String, Object>) template().get("Resources");
        List<String> dlqs = new ArrayList<>();
        List<String> alarmed = new ArrayList<>();
        resources.forEach((id, r) -> {
            Map<String, Object> resource = (Map<String, Object>) r;
            Map<String, Object> props = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
            if (props.get("RedrivePolicy") instanceof Map<?, ?> redrive) {
                dlqs.add(getAttTarget(redrive.get("deadLetterTargetArn")));
            }
            if ("AWS::CloudWatch::Alarm".equals(resource.get("Type"))) {
                // a metric-math alarm (the failure rates) has its dimensions in its Metrics
                ((List<Object>) props.getOrDefault("Dimensions", List.of())).forEach(d -> alarmed.add(getAttTarget(((Map<String, Object>) d).get("Value"))));
            }
        });
        assertThat(dlqs).hasSizeGreaterThanOrEqualTo(8);
        for (String dlq : dlqs) {
            Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) resources.get(dlq)).get("Properties");
            assertThat(props).as(dlq + " RedriveAllowPolicy").containsKey("RedriveAllowPolicy");
            assertThat(alarmed).as(dlq + " has an alarm on its depth").contains(dlq);
        }
    }

    /** The logical id of a {@code !GetAtt Id.Attribute} (CfnYaml keeps it as a list or as "Id.Attribute"). */
    private static String getAttTarget(Object getAtt) {
        Object target = ((Map<?, ?>) getAtt).get("Fn::GetAtt");
        return target instanceof List<?> list ? String.valueOf(list.get(0)) : String.valueOf(target).split("\\.")[0];
    }

    @Test
    void theQueuesResultsGoToHaveDeadLetterQueuesForTheirConsumers() throws Exception {
        StackModel model = model();
        for (String output : List.of("ChannelImages", "GL_THUMBNAILS_READY")) {
            assertThat(model.queue(output).orElseThrow().deadLetterQueue()).as(output).isPresent();
        }
    }

    @Test
    void everyEnvironmentVariableIsDocumentedInTheReadme() throws Exception {
        // the README and the pages it leads to (docs/): the configuration tables live with each function's page
        StringBuilder docs = new StringBuilder(Files.readString(root.resolve("README.md")));
        try (var pages = Files.list(root.resolve("docs"))) {
            for (Path page : pages.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                docs.append(Files.readString(page));
            }
        }
        String readme = docs.toString();
        for (FunctionDef f : model().functions()) {
            for (String variable : f.environment().keySet()) {
                assertThat(readme).as(variable + " (set for " + f.name() + ") in the README").contains("`" + variable + "`");
            }
            for (String variable : f.secrets().keySet()) {
                assertThat(readme).as(variable + " (given to " + f.name() + " in AWS) in the README").contains("`" + variable + "`");
            }
        }
    }

    @Test
    void cfnLintAcceptsTheTemplate() throws Exception {
        Assumptions.assumeTrue(onPath("cfn-lint"), "cfn-lint is not installed");
        Process lint = new ProcessBuilder("cfn-lint", root.resolve("template.yaml").toString()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(lint.exitValue()).as(output).isZero();
    }

    @SuppressWarnings("unchecked")
    private static void collectActions(Object node, List<String> actions) {
        if (node instanceof Map<?, ?> map) {
            if ("Deny".equals(map.get("Effect"))) {
                return;
            }
            map.forEach((k, v) -> {
                if ("Action".equals(k)) {
                    if (v instanceof List<?> list) {
                        list.forEach(a -> actions.add(String.valueOf(a)));
                    } else {
                        actions.add(String.valueOf(v));
                    }
                } else {
                    collectActions(v, actions);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectActions(item, actions));
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
