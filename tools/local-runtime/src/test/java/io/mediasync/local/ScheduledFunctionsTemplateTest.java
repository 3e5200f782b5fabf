package io.mediasync.local;

import static io.mediasync.local.TemplateResources.map;
import static io.mediasync.local.TemplateResources.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.local.template.StackModel.FunctionDef;
import io.mediasync.local.template.StackTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * template.yaml's scheduled functions are invoked asynchronously, so nobody sees their failures unless the template
 * says where they go: each has an Errors alarm and an on-failure destination (its schedules' undeliverable events
 * too), and that destination has its own alarm. And the catalog API's CatalogApiAuth=NONE needs an acknowledgement.
 */
class ScheduledFunctionsTemplateTest {

    /** The logical id a {@code !Ref Id} or {@code !GetAtt Id.Attribute} names. */
    private static String target(Object intrinsic) {
        Map<String, Object> m = map(intrinsic);
        if (m.containsKey("Ref")) {
            return String.valueOf(m.get("Ref"));
        }
        Object getAtt = m.get("Fn::GetAtt");
        return getAtt instanceof List<?> list ? String.valueOf(list.get(0)) : String.valueOf(getAtt).split("\\.")[0];
    }

    private static List<String> scheduledFunctions(Map<String, Map<String, Object>> resources) {
        List<String> scheduled = new ArrayList<>();
        resources.forEach((id, r) -> {
            boolean hasSchedule = map(map(r.get("Properties")).get("Events")).values().stream()
                    .anyMatch(e -> List.of("Schedule", "ScheduleV2").contains(map(e).get("Type")));
            if ("AWS::Serverless::Function".equals(r.get("Type")) && hasSchedule) {
                scheduled.add(id);
            }
        });
        return scheduled;
    }

    /** Alarm id → the metric it watches, as "Namespace/MetricName/dimension target". */
    private static List<String> alarms(Map<String, Map<String, Object>> resources) {
        List<String> watched = new ArrayList<>();
        resources.values().stream().filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type"))).forEach(r -> {
            Map<String, Object> p = map(r.get("Properties"));
            for (Object d : (List<?>) p.getOrDefault("Dimensions", List.of())) { // none: a metric-math alarm
                watched.add(p.get("Namespace") + "/" + p.get("MetricName") + "/" + target(map(d).get("Value")));
            }
        });
        return watched;
    }

    @Test
    void everyScheduledFunctionHasAnErrorsAlarmAndAnAlarmedOnFailureDestination() throws Exception {
        Map<String, Map<String, Object>> resources = resources();
        List<String> scheduled = scheduledFunctions(resources);
        List<String> alarms = alarms(resources);

        assertThat(scheduled).containsExactlyInAnyOrder("SourceSchedulerFunction", "CollectionResyncFunction", "CatalogSyncFunction");
        for (String function : scheduled) {
            Map<String, Object> props = map(resources.get(function).get("Properties"));
            Map<String, Object> onFailure = map(map(map(props.get("EventInvokeConfig")).get("DestinationConfig")).get("OnFailure"));
            String destination = target(onFailure.get("Destination"));

            assertThat(onFailure.get("Type")).as(function + " on-failure destination type").isEqualTo("SQS");
            assertThat(resources.get(destination)).as(function + " on-failure destination " + destination).isNotNull()
                    .containsEntry("Type", "AWS::SQS::Queue");
            assertThat(alarms).as(function + " Errors alarm").contains("AWS/Lambda/Errors/" + function);
            assertThat(alarms).as(destination + " depth alarm").contains("AWS/SQS/ApproximateNumberOfMessagesVisible/" + destination);
            map(props.get("Events")).forEach((name, event) -> {
                if (String.valueOf(map(event).get("Type")).startsWith("Schedule")) {
                    Object deadLetters = map(map(map(event).get("Properties")).get("DeadLetterConfig")).get("Arn");
                    assertThat(deadLetters).as(function + " " + name + " undeliverable events").isNotNull();
                    assertThat(target(deadLetters)).as(function + " " + name).isEqualTo(destination);
                }
            });
        }
    }

    @Test
    void anUnauthenticatedCatalogApiNeedsAnAcknowledgementAndTheFunctionIsToldBoth() throws Exception {
        Map<String, String> parameters = new HashMap<>(LocalOptions.localParameters());
        parameters.put("CatalogApiAuth", "NONE");
        FunctionDef catalog = StackTemplate.load(Repo.root().resolve("template.yaml"), parameters, "http://127.0.0.1:9324", n -> "x")
                .function("catalog-sync").orElseThrow();
        Map<String, Object> rule = map(map(TemplateResources.template().get("Rules"))
                .get("CatalogApiAuthNoneNeedsAcknowledgement"));

        assertThat(catalog.environment()).containsEntry("CATALOG_API_AUTH", "NONE").containsEntry("CATALOG_API_AUTH_NONE_ACKNOWLEDGED", "no");
        assertThat(rule.get("RuleCondition")).isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "CatalogApiAuth"), "NONE")));
        assertThat(String.valueOf(rule.get("Assertions"))).contains("{Fn::Equals=[{Ref=CatalogApiAuthNoneAcknowledged}, yes]}");
    }
}
