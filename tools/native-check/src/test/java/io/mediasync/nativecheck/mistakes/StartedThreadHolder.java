package io.mediasync.nativecheck.mistakes;

/** Mistake 2: a static field holding a started thread, in a class initialized at build time. */
public final class StartedThreadHolder {

    static final Thread TICKER = start();

    private StartedThreadHolder() {
    }

    private static Thread start() {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mistake-ticker");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
