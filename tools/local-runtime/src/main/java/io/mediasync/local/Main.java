package io.mediasync.local;

import io.mediasync.local.cli.Cli;

/** {@code ./mediasync up | invoke | trigger | send | env | dlq | records | status | demo | bench …}: see {@code ./mediasync --help}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(new Cli.Io(System.getenv(), System.in, System.out, System.err), args));
    }
}
