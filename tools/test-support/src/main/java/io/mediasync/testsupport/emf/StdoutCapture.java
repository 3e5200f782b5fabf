package io.mediasync.testsupport.emf;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the process writes on System.out while open, still passed through to the console: the functions write their
 * EMF lines there, as on Lambda. Restores System.out on close.
 */
public final class StdoutCapture implements AutoCloseable {

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    public StdoutCapture() {
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (captured) {
                    captured.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (captured) {
                    captured.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8));
    }

    /** The EMF lines written so far, each validated. */
    public EmfLines emf() {
        synchronized (captured) {
            return EmfLines.of(captured.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
