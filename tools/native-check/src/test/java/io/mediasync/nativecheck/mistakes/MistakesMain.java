package io.mediasync.nativecheck.mistakes;

/**
 * A program with the two native mistakes the check must catch, made on purpose: its jar's native-image.properties
 * initializes both holders at build time (as Quarkus does with application classes), so an open file and a
 * running thread would be frozen into the image heap.
 */
public final class MistakesMain {

    private MistakesMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(OpenFileHolder.NULL_DEVICE.available() + " " + StartedThreadHolder.TICKER.getName());
    }
}
