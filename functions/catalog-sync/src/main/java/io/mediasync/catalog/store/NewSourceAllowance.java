package io.mediasync.catalog.store;

/** One run's allowance of new sources: CATALOG_MAX_NEW_SOURCES, or none for a forced run or the first import. */
public final class NewSourceAllowance {

    private int left;
    private boolean exceeded;

    public NewSourceAllowance(int left) {
        this.left = left;
    }

    public static NewSourceAllowance unlimited() {
        return new NewSourceAllowance(Integer.MAX_VALUE);
    }

    /** @return whether one more source may be created */
    boolean take() {
        if (left > 0) {
            left--;
            return true;
        }
        exceeded = true;
        return false;
    }

    public boolean exceeded() {
        return exceeded;
    }
}
