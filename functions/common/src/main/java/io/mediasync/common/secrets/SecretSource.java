package io.mediasync.common.secrets;

/**
 * One secret's current value: Secrets Manager's ({@link CachedSecret}) in AWS, a plain variable's where no
 * {@code *_SECRET_ARN} is set (the local runtime, the seeds' variables). Asked for at each use, so a rotated value
 * reaches the next use; the value never goes into a log, a record or an error message.
 */
@FunctionalInterface
public interface SecretSource {

    /** @throws SecretUnavailableException when the secret cannot be read now (a later attempt may succeed) */
    String value();

    /** A value given in the environment: the same at every use. */
    static SecretSource fixed(String value) {
        return new SecretSource() {
            @Override
            public String value() {
                return value;
            }

            @Override
            public String toString() {
                return "SecretSource[plain variable]"; // never the value
            }
        };
    }
}
