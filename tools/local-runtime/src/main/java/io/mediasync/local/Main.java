package io.mediasync.local;

/** {@code ./mediasync up | invoke | trigger | send | env | dlq | records | status | demo | bench …}: see {@link MediasyncCommand}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(new Cli.Io(System.getenv(), System.in, System.out, System.err), args));
    }
}
