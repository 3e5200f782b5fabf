package io.mediasync.nativecheck;

/** An argument the check cannot translate as the {@code native-image} driver would: the check fails, it never guesses. */
final class TranslationException extends RuntimeException {

    TranslationException(String message) {
        super(message);
    }
}
