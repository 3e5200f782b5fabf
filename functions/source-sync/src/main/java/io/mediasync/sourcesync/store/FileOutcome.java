package io.mediasync.sourcesync.store;

/** What the last run that saw a file did with it ({@code files.lastOutcome}); the stored strings are a contract. */
public enum FileOutcome {
    DOWNLOADED("downloaded"),
    SKIPPED("skipped"),
    FAILED("failed");

    private final String value;

    FileOutcome(String value) {
        this.value = value;
    }

    /** The stored string. */
    public String value() {
        return value;
    }

    /** The stored string's outcome; null when none is stored. */
    public static FileOutcome from(String stored) {
        for (FileOutcome outcome : values()) {
            if (outcome.value.equals(stored)) {
                return outcome;
            }
        }
        return null;
    }
}
