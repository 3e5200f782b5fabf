package io.mediasync.common.secrets;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the functions' Secrets Manager client: the small url-connection HTTP client the SQS and S3 clients use too,
 * region and credentials from the SDK's default chains (in Lambda: AWS_REGION and the execution role's credentials).
 */
public final class SecretsManagerClients {

    private SecretsManagerClients() {
    }

    public static SecretsManagerClient create(Optional<String> endpointOverride, Duration callTimeout) {
        var builder = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(callTimeout).socketTimeout(callTimeout))
                .overrideConfiguration(o -> o.apiCallTimeout(callTimeout));
        endpointOverride.filter(e -> !e.isBlank()).map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
