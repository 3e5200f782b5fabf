package io.mediasync.common.postback;

import io.mediasync.common.net.Origin;
import io.mediasync.common.secrets.SecretSource;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The seed's plain {@code postback_secret_key} body field, for receivers that do not verify signatures yet. It
 * is one secret for all of them, in clear in the body, so it goes only over https and only to the origins an
 * operator allow-listed (POSTBACK_LEGACY_ORIGINS): an order naming another receiver never learns it.
 */
public final class LegacySecretKey {

    private final Optional<SecretSource> value;
    private final Set<Origin> origins;

    /**
     * @param value   POSTBACK_LEGACY_SECRET_KEY (or the secret POSTBACK_LEGACY_SECRET_ARN names): read only for a
     *                receiver that may have it, at each postback
     * @param origins comma-separated origins or URLs, e.g. "https://old.example.com"
     */
    public LegacySecretKey(Optional<SecretSource> value, Optional<String> origins) {
        this.value = value;
        this.origins = Arrays.stream(origins.orElse("").split(",")).map(String::trim).filter(o -> !o.isEmpty())
                .map(o -> Origin.of(URI.create(o))).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The value to add to a postback body for this receiver, if it may have it.
     *
     * @throws io.mediasync.common.secrets.SecretUnavailableException when it may, and the secret cannot be read now
     */
    public Optional<String> forReceiver(String postbackUrl) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Origin origin = Origin.of(URI.create(postbackUrl));
            return origin.scheme().equals("https") && origins.contains(origin) ? value.map(SecretSource::value).filter(v -> !v.isBlank())
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
