package io.mediasync.resizer;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The end-to-end flow again, against LocalStack (SQS, S3) and MongoDB in containers instead of the
 * devstack. Runs in its own surefire execution (-Dmediasync.test.backend=localstack) where Docker
 * runs; JUnit reports it skipped where no Docker engine answers.
 */
@QuarkusTest
@EnabledIf(value = "io.mediasync.testsupport.LocalStackBackend#dockerAvailable", disabledReason = "no Docker engine")
class LocalStackFlowTest extends AbstractFlowTest {
}
