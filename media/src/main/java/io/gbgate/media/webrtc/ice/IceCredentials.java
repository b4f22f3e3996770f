package io.gbgate.media.webrtc.ice;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * An ICE username fragment and password (RFC 8839 section 5.4: ice-chars, ufrag 4 to 256
 * characters, password 22 to 256).
 */
public record IceCredentials(String ufrag, String password) {
    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final int UFRAG_LENGTH = 8;
    private static final int PASSWORD_LENGTH = 24;

    public IceCredentials {
        if (!isIceChars(ufrag) || ufrag.length() < 4 || ufrag.length() > 256) {
            throw new IllegalArgumentException("bad ice-ufrag: " + ufrag);
        }
        if (!isIceChars(password) || password.length() < 22 || password.length() > 256) {
            throw new IllegalArgumentException("bad ice-pwd (needs 22..256 ice-chars)");
        }
    }

    /** Fresh random credentials. */
    public static IceCredentials random(SecureRandom random) {
        return new IceCredentials(randomChars(random, UFRAG_LENGTH), randomChars(random, PASSWORD_LENGTH));
    }

    /** The password as the MESSAGE-INTEGRITY key (short-term credential: the password itself). */
    public byte[] integrityKey() {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    /** True for a non-empty string of ice-chars (ALPHA / DIGIT / "+" / "/"). */
    public static boolean isIceChars(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (ICE_CHARS.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String randomChars(SecureRandom random, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length())));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "IceCredentials[ufrag=" + ufrag + ", password=<hidden>]";
    }
}
