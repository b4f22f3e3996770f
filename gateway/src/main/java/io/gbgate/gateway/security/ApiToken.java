package io.gbgate.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The bearer token that guards {@code /api}. Compared in constant time. */
public final class ApiToken {
    private final byte[] token;
    private final boolean generated;

    private ApiToken(String token, boolean generated) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.generated = generated;
    }

    /** The configured token, or a fresh random one when none is configured. */
    public static ApiToken configuredOrGenerated(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new ApiToken(configured.trim(), false);
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return new ApiToken(HexFormat.of().formatHex(random), true);
    }

    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    public boolean generated() {
        return generated;
    }

    public String value() {
        return new String(token, StandardCharsets.UTF_8);
    }
}
