package io.mediasync.common.failure;

/**
 * Why a message could not be finished: a stable snake_case {@code code} for records and alarms, a short
 * {@code reason} for people (no class names, said once), and whether trying again later may help.
 */
public record Failure(String code, String reason, boolean retryable) {

    public static Failure permanent(String code, String reason) {
        return new Failure(code, reason, false);
    }

    public static Failure retryable(String code, String reason) {
        return new Failure(code, reason, true);
    }
}
