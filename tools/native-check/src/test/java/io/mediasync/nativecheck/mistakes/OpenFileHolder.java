package io.mediasync.nativecheck.mistakes;

import java.io.FileInputStream;
import java.io.FileNotFoundException;

/** Mistake 1: a class initialized at build time that opens a file. */
public final class OpenFileHolder {

    static final FileInputStream NULL_DEVICE = open();

    private OpenFileHolder() {
    }

    private static FileInputStream open() {
        try {
            return new FileInputStream("/dev/null");
        } catch (FileNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
