package io.mediasync.common.secrets;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** Reads a secret's current SecretString (GetSecretValue, stage AWSCURRENT): one call, no cache. */
public final class SecretReader {

    private final SecretsManagerClient client;

    public SecretReader(SecretsManagerClient client) {
        this.client = client;
    }

    /** @param secretId the secret's ARN or name, as the template passes it in a {@code *_SECRET_ARN} variable */
    public String read(String secretId) {
        GetSecretValueResponse answer;
        try {
            answer = client.getSecretValue(r -> r.secretId(secretId));
        } catch (SecretsManagerException e) {
            // the service's error code (AccessDeniedException, ResourceNotFoundException, ...) says what to fix
            String code = e.awsErrorDetails() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode();
            throw new SecretUnavailableException("secret " + secretId + " not readable: " + code, e);
        } catch (SdkException e) {
            throw new SecretUnavailableException("secret " + secretId + " not readable: Secrets Manager unreachable ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        if (answer.secretString() == null) {
            // the template's secrets are text (connection strings, whsec_ keys, JSON): a binary one is a mistake
            throw new SecretUnavailableException("secret " + secretId + " holds no SecretString (binary secrets are not read)", null);
        }
        return answer.secretString();
    }
}
