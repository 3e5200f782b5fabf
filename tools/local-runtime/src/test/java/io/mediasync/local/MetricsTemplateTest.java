package io.mediasync.local;

import static io.mediasync.local.TemplateResources.map;
import static io.mediasync.local.TemplateResources.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.common.metrics.Breakdown;
import io.mediasync.common.metrics.Metric;
import io.mediasync.common.metrics.Metrics;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The template's view of the functions' EMF metrics: a failure-rate alarm for every function that takes messages, a
 * dashboard whose body is valid JSON once CloudFormation has substituted it and names only metrics the code emits,
 * and a README that documents every metric and dimension.
 */
class MetricsTemplateTest {

    private static final Set<String> EMITTED = Arrays.stream(Metric.values()).map(Metric::emfName).collect(Collectors.toSet());

    @Test
    void everyFunctionThatTakesMessagesHasAFailureRateAlarmOnItsOwnCounts() throws Exception {
        Map<String, Map<String, Object>> resources = resources();
        List<String> consumers = new ArrayList<>();
        resources.forEach((id, r) -> {
            boolean sqs = map(map(r.get("Properties")).get("Events")).values().stream().anyMatch(e -> "SQS".equals(map(e).get("Type")));
            if ("AWS::Serverless::Function".equals(r.get("Type")) && sqs) {
                consumers.add(id);
            }
        });
        assertThat(consumers).hasSizeGreaterThanOrEqualTo(6);
        for (String function : consumers) {
            Map<String, Object> alarm = resources.get(function.replace("Function", "") + "FailureRateAlarm");
            assertThat(alarm).as(function + " failure-rate alarm").isNotNull().containsEntry("Type", "AWS::CloudWatch::Alarm");
            List<String> counted = new ArrayList<>();
            for (Object m : (List<?>) map(alarm.get("Properties")).get("Metrics")) {
                Map<String, Object> metric = map(map(map(m).get("MetricStat")).get("Metric"));
                if (!metric.isEmpty()) {
                    assertThat(metric.get("Namespace")).isEqualTo(Metrics.NAMESPACE);
                    Map<String, Object> dimension = map(((List<?>) metric.get("Dimensions")).get(0));
                    assertThat(dimension).containsEntry("Name", "Function").containsEntry("Value", Map.of("Ref", function));
                    counted.add((String) metric.get("MetricName"));
                }
            }
            assertThat(counted).as(function).containsExactlyInAnyOrder("Done", "Rejected", "DeadLettered");
        }
    }

    @Test
    void theDashboardIsValidJsonAfterSubstitutionAndNamesOnlyEmittedMetrics() throws Exception {
        Map<String, Map<String, Object>> resources = resources();
        Map<String, Object> dashboard = resources.get("Dashboard");
        assertThat(dashboard).containsEntry("Type", "AWS::CloudWatch::Dashboard");
        String body = (String) map(map(dashboard.get("Properties")).get("DashboardBody")).get("Fn::Sub");

        // every ${...} is a parameter, a pseudo parameter or a resource (with an attribute)
        Map<String, Object> parameters = map(TemplateResources.template().get("Parameters"));
        Matcher sub = Pattern.compile("\\$\\{([^}]*)}").matcher(body);
        while (sub.find()) {
            String name = sub.group(1).split("\\.")[0];
            assertThat(name.startsWith("AWS::") || parameters.containsKey(name) || resources.containsKey(name)).as(sub.group()).isTrue();
        }
        JsonNode json = new ObjectMapper().readTree(body.replaceAll("\\$\\{[^}]*}", "x"));

        List<String> titles = new ArrayList<>();
        List<String> named = new ArrayList<>();
        Pattern searched = Pattern.compile("MetricName=\\\\?\"(\\w+)\\\\?\"");
        for (JsonNode widget : json.get("widgets")) {
            JsonNode properties = widget.get("properties");
            titles.add(properties.path("title").asText());
            for (JsonNode row : properties.path("metrics")) {
                if (row.get(0).isTextual() && row.get(0).asText().equals(Metrics.NAMESPACE)) {
                    named.add(row.get(1).asText());
                } else if (row.get(0).has("expression") && row.get(0).get("expression").asText().contains("{mediasync,")) {
                    Matcher m = searched.matcher(row.get(0).get("expression").asText());
                    while (m.find()) {
                        named.add(m.group(1));
                    }
                }
            }
        }
        assertThat(named).isNotEmpty().allSatisfy(name -> assertThat(EMITTED).as("emitted by the code").contains(name));
        assertThat(String.join("\n", titles)).contains("Throughput", "Failures by reason", "DLQ depths", "p50 / p99", "Cold starts");
    }

    @Test
    void theOperatorsPageDocumentsEveryMetricAndDimension() throws Exception {
        String page = Files.readString(Repo.root().resolve("docs/operations.md"));
        String section = page.substring(page.indexOf("## Metrics"));
        for (Metric metric : Metric.values()) {
            assertThat(section).as(metric.emfName()).contains("`" + metric.emfName() + "`");
        }
        for (Breakdown breakdown : Breakdown.values()) {
            assertThat(section).as(breakdown.dimension()).contains("`" + breakdown.dimension() + "`");
        }
        assertThat(section).contains("`" + Metrics.NAMESPACE + "`", "`Function`");
    }
}
