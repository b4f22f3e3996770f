package io.gbgate.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery: lower-case hex HMAC-SHA256 with the subscription's secret over
 * {@code timestamp + "." + body}, sent in {@value #SIGNATURE_HEADER} beside {@value #TIMESTAMP_HEADER} (Unix seconds).
 * Receivers recompute it and reject stale timestamps to stop replays.
 */
public final class WebhookSignature {
    public static final String SIGNATURE_HEADER = "X-Gbgate-Signature";
    public static final String TIMESTAMP_HEADER = "X-Gbgate-Timestamp";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final String EVENT_HEADER = "X-Gbgate-Event";
    public static final String DELIVERY_HEADER = "X-Gbgate-Delivery";

    private WebhookSignature() {
    }

    /** The hex signature of {@code body} sent at {@code timestamp} (Unix seconds). */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
