package io.mediasync.sourcesync.store;

import io.mediasync.common.mongo.StoredValue;

/** What the last run that saw a file did with it ({@code files.lastOutcome}); the stored strings are a contract. */
public enum FileOutcome implements StoredValue {
    DOWNLOADED("downloaded"),
    SKIPPED("skipped"),
    FAILED("failed");

    private final String value;

    FileOutcome(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
