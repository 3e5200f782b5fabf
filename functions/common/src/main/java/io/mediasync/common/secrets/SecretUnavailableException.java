package io.mediasync.common.secrets;

/**
 * A secret could not be read from Secrets Manager. The message names the secret and what the service answered,
 * never a value; the failure policy records it as {@code secret_unavailable}, retried (the service or the
 * permission may come back).
 */
public final class SecretUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecretUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
