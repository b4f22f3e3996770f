package io.gbgate.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring tokens for media URLs (HLS playlists and segments), so players need no bearer
 * header. A token is {@code <expiryEpochSeconds>.<viewerId>.<base64url HMAC-SHA256>} over the
 * stream ID, viewer ID and expiry: valid for one stream, and it tells which viewer is watching.
 */
public final class MediaTokenSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;

    /** The outcome of checking a token: the viewer it was issued to, or why it grants nothing. */
    public record Verdict(String viewerId, String rejection) {
        public boolean granted() {
            return rejection == null;
        }

        static Verdict reject(String why) {
            return new Verdict(null, why);
        }
    }

    public MediaTokenSigner(byte[] secret, Duration ttl, Clock clock) {
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.ttl = ttl;
        this.clock = clock;
    }

    public String sign(String streamId, String viewerId) {
        if (viewerId.indexOf('.') >= 0) {
            throw new IllegalArgumentException("viewer IDs must not contain '.'");
        }
        long expiry = clock.instant().plus(ttl).getEpochSecond();
        return expiry + "." + viewerId + "." + mac(streamId, viewerId, expiry);
    }

    public Verdict verify(String streamId, String token) {
        if (token == null || token.isEmpty()) {
            return Verdict.reject("missing token");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Verdict.reject("malformed token");
        }
        long expiry;
        try {
            expiry = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return Verdict.reject("malformed token");
        }
        byte[] expected = mac(streamId, parts[1], expiry).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.reject("token not valid for this stream");
        }
        if (clock.instant().getEpochSecond() > expiry) {
            return Verdict.reject("token expired");
        }
        return new Verdict(parts[1], null);
    }

    private String mac(String streamId, String viewerId, long expiry) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(streamId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '|');
            mac.update(viewerId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '|');
            mac.update(Long.toString(expiry).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
