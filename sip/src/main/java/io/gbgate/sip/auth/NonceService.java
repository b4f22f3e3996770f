package io.gbgate.sip.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues stateless digest nonces: {@code base64url(creationMillis[8] | random[8] | HMAC-SHA256(first 16)[16])}.
 * The platform checks authenticity (HMAC) and freshness (creation time) without storing issued nonces.
 * Replay protection within the expiry window (nonce-count tracking) is not done here.
 * Thread-safe.
 */
public final class NonceService {

    private static final String HMAC = "HmacSHA256";
    private static final int TIME_BYTES = 8;
    private static final int RANDOM_BYTES = 8;
    private static final int TAG_BYTES = 16;
    private static final int NONCE_BYTES = TIME_BYTES + RANDOM_BYTES + TAG_BYTES;
    /** Tolerated backwards clock step between issue and check. */
    private static final long CLOCK_SKEW_MILLIS = 5_000;

    private final SecretKeySpec key;
    private final long expiryMillis;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param secret HMAC key, at least 16 bytes (copied)
     * @param expiry how long an issued nonce stays {@link NonceStatus#VALID}
     * @param clock  time source
     */
    public NonceService(byte[] secret, Duration expiry, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 16) {
            throw new IllegalArgumentException("nonce secret must have at least 16 bytes");
        }
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("nonce expiry must be positive: " + expiry);
        }
        this.key = new SecretKeySpec(secret.clone(), HMAC);
        this.expiryMillis = expiry.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A service with a fresh random key (nonces do not survive a restart) and the system clock. */
    public static NonceService withRandomKey(Duration expiry) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new NonceService(secret, expiry, Clock.systemUTC());
    }

    /** Issues a new nonce (URL-safe base64, 43 characters, safe inside a quoted string). */
    public String issue() {
        byte[] nonce = new byte[NONCE_BYTES];
        ByteBuffer.wrap(nonce).putLong(clock.millis());
        byte[] randomPart = new byte[RANDOM_BYTES];
        random.nextBytes(randomPart);
        System.arraycopy(randomPart, 0, nonce, TIME_BYTES, RANDOM_BYTES);
        System.arraycopy(tag(nonce), 0, nonce, TIME_BYTES + RANDOM_BYTES, TAG_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    /** Checks a nonce echoed by a client. Never throws for bad input: it is {@link NonceStatus#INVALID}. */
    public NonceStatus check(String nonce) {
        if (nonce == null || nonce.length() > 64) {
            return NonceStatus.INVALID;
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return NonceStatus.INVALID;
        }
        if (raw.length != NONCE_BYTES) {
            return NonceStatus.INVALID;
        }
        byte[] givenTag = Arrays.copyOfRange(raw, TIME_BYTES + RANDOM_BYTES, NONCE_BYTES);
        if (!MessageDigest.isEqual(tag(raw), givenTag)) {
            return NonceStatus.INVALID;
        }
        long age = clock.millis() - ByteBuffer.wrap(raw).getLong();
        return age >= -CLOCK_SKEW_MILLIS && age <= expiryMillis ? NonceStatus.VALID : NonceStatus.STALE;
    }

    private byte[] tag(byte[] nonce) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(nonce, 0, TIME_BYTES + RANDOM_BYTES);
            return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JVM without " + HMAC, e);
        }
    }
}
