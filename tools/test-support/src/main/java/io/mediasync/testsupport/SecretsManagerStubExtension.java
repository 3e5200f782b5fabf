package io.mediasync.testsupport;

import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link SecretsManagerStub} for each test and the client the test reads secrets with, both closed after it:
 * register with {@code @RegisterExtension}. The client's type is a parameter because this module cannot see
 * mediasync-common's {@code Secrets} (common's tests depend on this module); common's {@code StubbedSecrets.extension()}
 * fills it in.
 */
public final class SecretsManagerStubExtension<T> implements BeforeEachCallback, AfterEachCallback {

    private final Function<SecretsManagerStub, T> open;
    private final Consumer<T> close;
    private SecretsManagerStub stub;
    private T client;

    public SecretsManagerStubExtension(Function<SecretsManagerStub, T> open, Consumer<T> close) {
        this.open = open;
        this.close = close;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        stub = new SecretsManagerStub();
        client = open.apply(stub);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            close.accept(client);
        } finally {
            stub.close();
        }
    }

    /** This test's stub: put secrets, read what was asked. */
    public SecretsManagerStub stub() {
        return stub;
    }

    /** This test's client, pointed at {@link #stub()}. */
    public T client() {
        return client;
    }
}
