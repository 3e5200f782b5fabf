package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.local.template.CfnYaml;
import io.mediasync.local.template.StackModel;
import io.mediasync.local.template.StackModel.FunctionDef;
import io.mediasync.local.template.StackModel.PolicyDef;
import io.mediasync.local.template.StackTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 §4: the template grants only what is used, read on what it really grants. Every function runs with its own
 * role (SAM's generated role would get AWSLambdaSQSQueueExecutionRole: receive, delete and attributes on every queue);
 * no statement anywhere grants SQS or S3 on everything; a function receives and deletes from its own event source
 * queues only, writes its own logs only and sends to an on-failure destination only where it has one.
 */
class TemplateRolesTest {

    static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:";

    static StackModel model(Map<String, String> overrides) throws Exception {
        Map<String, String> parameters = new HashMap<>(LocalOptions.localParameters());
        parameters.putAll(overrides);
        return StackTemplate.load(Repo.root().resolve("template.yaml"), parameters, "http://127.0.0.1:9324", n -> "x");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFunctionRunsWithItsOwnRoleAndNoManagedPolicy() throws Exception {
        StackModel model = model(Map.of());
        Map<String, Object> resources = (Map<String, Object>) CfnYaml.read(Repo.root().resolve("template.yaml")).get("Resources");

        assertThat(model.functions()).hasSize(8);
        for (FunctionDef f : model.functions()) {
            assertThat(f.role()).as(f.name() + " has its own role, not one SAM generates").isPresent();
            assertThat(f.role().get().logicalId()).isEqualTo(f.logicalId() + "Role");
            assertThat(f.role().get().managedPolicyArns()).as(f.name()).isEmpty();
            Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) resources.get(f.logicalId())).get("Properties");
            assertThat(props).as(f.name() + ": SAM ignores Policies next to Role").doesNotContainKey("Policies");
        }
        assertThat(model.functions().stream().map(f -> f.role().get().logicalId()).distinct()).hasSize(8);
    }

    @Test
    void noStatementAnywhereGrantsSqsOrS3OnEverything() throws Exception {
        for (Map<String, String> parameters : List.of(Map.<String, String>of(), Map.of("PublicReadResized", "true",
                "PostbackLegacySecretArn", "legacy", "CatalogApiTokenSecretArn", "token", "CatalogCredentialsSecretArn", "creds"))) {
            List<PolicyDef> policies = model(parameters).policies();
            assertThat(policies).extracting(PolicyDef::type).contains("AWS::IAM::Role", "AWS::SQS::QueuePolicy", "AWS::S3::BucketPolicy");
            for (PolicyDef policy : policies) {
                for (Map<String, Object> st : policy.statements()) {
                    if (!"Allow".equals(st.get("Effect"))) {
                        continue;
                    }
                    String where = policy.resourceId() + " " + st.get("Sid");
                    assertThat(st).as(where + ": NotAction and NotResource grant what they do not name")
                            .doesNotContainKeys("NotAction", "NotResource");
                    boolean sqsOrS3 = TemplateGrants.strings(st.get("Action")).stream()
                            .anyMatch(a -> a.equals("*") || a.startsWith("sqs:") || a.startsWith("s3:"));
                    if (sqsOrS3) {
                        assertThat(TemplateGrants.strings(st.get("Resource"))).as(where).isNotEmpty().noneMatch(r -> r.equals("*")
                                || r.equals(QUEUE + "*") || r.equals("arn:aws:s3:::*") || r.equals("arn:aws:s3:::*/*"));
                    }
                }
            }
        }
    }

    @Test
    void aFunctionReceivesAndDeletesOnlyFromItsOwnEventSourceQueues() throws Exception {
        int readers = 0;
        for (FunctionDef f : model(Map.of()).functions()) {
            Set<String> own = f.sqsSources().stream().map(s -> QUEUE + s.queueName()).collect(Collectors.toSet());
            for (String action : List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility")) {
                Set<String> granted = Set.copyOf(TemplateGrants.allowed(f, action));
                assertThat(granted).as(f.name() + " " + action).isEqualTo(action.equals("sqs:ChangeMessageVisibility") ? Set.of() : own);
            }
            readers += own.isEmpty() ? 0 : 1;
        }
        assertThat(readers).isEqualTo(6);
        FunctionDef orchestrator = model(Map.of()).function("sync-orchestrator").orElseThrow();
        assertThat(TemplateGrants.allowed(orchestrator, "sqs:ReceiveMessage")).containsExactlyInAnyOrder(QUEUE + "GL_FILE_DOWNLOADED",
                QUEUE + "GL_FILE_DOWNLOAD_SKIPPED", QUEUE + "GL_SOURCE_SYNCHRONIZED", QUEUE + "GL_FILE_DELETED");
    }

    @Test
    void aFunctionWritesItsOwnLogsAndSendsToTheOnFailureDestinationOnlyWhereItHasOne() throws Exception {
        List<String> scheduled = List.of("SourceSchedulerFunction", "CollectionResyncFunction", "CatalogSyncFunction");
        for (FunctionDef f : model(Map.of()).functions()) {
            String ownLogs = "arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/" + f.name() + ":*";
            assertThat(TemplateGrants.allowed(f, "logs:CreateLogStream")).as(f.name()).containsExactly(ownLogs);
            assertThat(TemplateGrants.allowed(f, "logs:PutLogEvents")).as(f.name()).containsExactly(ownLogs);
            assertThat(TemplateGrants.allowed(f, "logs:CreateLogGroup")).as(f.name() + ": its log group is the template's").isEmpty();
            boolean failures = TemplateGrants.allowed(f, "sqs:SendMessage").contains(QUEUE + "mediasync-dev-scheduled-run-failures");
            assertThat(failures).as(f.name() + " sends to ScheduledRunFailuresQueue").isEqualTo(scheduled.contains(f.logicalId()));
        }
    }
}
