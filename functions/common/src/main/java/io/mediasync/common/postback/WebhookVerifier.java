package io.mediasync.common.postback;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * For receivers: verifies the headers made by {@link WebhookSigner}, with a timestamp tolerance
 * (default 5 minutes), constant-time comparison, and any configured secret may match.
 *
 * <h2>Receiving a mediasync postback</h2>
 * In Java, with this class:
 * <pre>{@code
 * WebhookVerifier verifier = new WebhookVerifier(List.of(System.getenv("MEDIASYNC_WEBHOOK_SECRET")));
 * try {
 *     verifier.verify(requestHeaders, rawBodyBytes);   // the body exactly as received, before any JSON parsing
 * } catch (WebhookVerificationException e) {
 *     return 401;                                      // e.getMessage() says why; do not process the body
 * }
 * // deduplicate on the webhook-id header: a message may be delivered more than once
 * }</pre>
 * In any other language (or use a Standard Webhooks library, standardwebhooks.com):
 * <ol>
 *   <li>Read the headers {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}; reject if one is missing.</li>
 *   <li>Reject if the timestamp (unix seconds) is more than 5 minutes away from your clock (replay protection).</li>
 *   <li>Key = base64-decode the part of your secret after {@code whsec_}.</li>
 *   <li>Compute base64(HMAC-SHA256(key, id + "." + timestamp + "." + raw body bytes)).</li>
 *   <li>The signature header holds space-separated entries like {@code v1,<base64>}; accept if any {@code v1}
 *       entry equals your value, compared in constant time. Ignore other versions.</li>
 * </ol>
 * During secret rotation the sender signs with both secrets, so a receiver holding either one accepts.
 */
public final class WebhookVerifier {

    /** The default accepted clock difference between sender and receiver. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final List<WebhookSecret> secrets;
    private final Duration tolerance;
    private final Clock clock;

    public WebhookVerifier(List<String> secrets) {
        this(secrets, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /** @throws IllegalArgumentException on an empty list, a malformed secret or a negative tolerance */
    public WebhookVerifier(List<String> secrets, Duration tolerance, Clock clock) {
        this.secrets = WebhookSecret.parseAll(secrets);
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
    }

    /** From configuration such as {@code "whsec_new,whsec_old"}. */
    public static WebhookVerifier fromConfig(String commaSeparatedSecrets) {
        return new WebhookVerifier(WebhookSecret.splitConfig(commaSeparatedSecrets));
    }

    /**
     * Checks the signature headers against {@code body} (the raw bytes received). Header names are
     * case-insensitive.
     *
     * @throws WebhookVerificationException when a header is missing, the timestamp is invalid or outside
     *                                      the tolerance, or no signature matches
     */
    public void verify(Map<String, String> headers, byte[] body) throws WebhookVerificationException {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    byName.put(name, value);
                }
            });
        }
        String messageId = required(byName, WebhookHeaders.ID);
        long timestamp = parseTimestamp(required(byName, WebhookHeaders.TIMESTAMP));
        String signatureHeader = required(byName, WebhookHeaders.SIGNATURE);
        checkFreshness(timestamp);

        List<byte[]> offered = offeredV1Signatures(signatureHeader);
        if (offered.isEmpty()) {
            throw new WebhookVerificationException("webhook-signature has no v1 signature");
        }
        byte[] payload = body == null ? new byte[0] : body;
        for (WebhookSecret secret : secrets) {
            byte[] expected = WebhookSignatures.hmac(secret, messageId, timestamp, payload);
            for (byte[] candidate : offered) {
                if (MessageDigest.isEqual(expected, candidate)) {
                    return;
                }
            }
        }
        throw new WebhookVerificationException("no webhook signature matches (wrong secret, or id, timestamp or body changed)");
    }

    private static String required(Map<String, String> headers, String name) throws WebhookVerificationException {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new WebhookVerificationException("missing " + name + " header");
        }
        return value.trim();
    }

    private static long parseTimestamp(String value) throws WebhookVerificationException {
        if (!value.matches("\\d{1,18}")) {
            throw new WebhookVerificationException("webhook-timestamp is not a unix time in seconds");
        }
        return Long.parseLong(value);
    }

    private void checkFreshness(long timestamp) throws WebhookVerificationException {
        long now = clock.instant().getEpochSecond();
        long slack = tolerance.getSeconds();
        if (timestamp < now - slack) {
            throw new WebhookVerificationException("webhook-timestamp is too old (" + (now - timestamp)
                    + " s ago, tolerance " + slack + " s)");
        }
        if (timestamp > now + slack) {
            throw new WebhookVerificationException("webhook-timestamp is too new (" + (timestamp - now)
                    + " s ahead, tolerance " + slack + " s)");
        }
    }

    /** The decoded {@code v1,<base64>} entries; other versions and undecodable entries are ignored. */
    private static List<byte[]> offeredV1Signatures(String header) {
        List<byte[]> signatures = new ArrayList<>();
        for (String entry : header.trim().split("\\s+")) {
            if (!entry.startsWith(WebhookSignatures.VERSION_PREFIX)) {
                continue;
            }
            try {
                signatures.add(Base64.getDecoder().decode(entry.substring(WebhookSignatures.VERSION_PREFIX.length())));
            } catch (IllegalArgumentException e) {
                // not base64: cannot match, skip it
            }
        }
        return signatures;
    }

    @Override
    public String toString() {
        return "WebhookVerifier[" + secrets.size() + " secret(s), tolerance " + tolerance + "]";
    }
}
