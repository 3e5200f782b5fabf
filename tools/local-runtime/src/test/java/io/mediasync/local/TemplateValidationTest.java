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

    @Test
    void everyEnvironmentVariableIsDocumentedInTheReadme() throws Exception {
        String readme = Files.readString(root.resolve("README.md"));
        for (FunctionDef f : model().functions()) {
            for (String variable : f.environment().keySet()) {
                assertThat(readme).as(variable + " (set for " + f.name() + ") in the README").contains("`" + variable + "`");
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
