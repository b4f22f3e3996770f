package io.gbgate.media.webrtc.srtp;

import java.util.Arrays;

/**
 * One direction's SRTP master key and master salt (RFC 3711 section 8.2) for
 * AES_CM_128_HMAC_SHA1_80: a 16-byte key and a 14-byte salt. Arrays are copied in and out.
 */
public record SrtpMasterKey(byte[] key, byte[] salt) {
    public static final int KEY_LENGTH = 16;
    public static final int SALT_LENGTH = 14;

    public SrtpMasterKey {
        if (key.length != KEY_LENGTH || salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("AES_CM_128 needs a 16-byte key and a 14-byte salt, got "
                    + key.length + " and " + salt.length);
        }
        key = key.clone();
        salt = salt.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SrtpMasterKey that && Arrays.equals(key, that.key) && Arrays.equals(salt, that.salt);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "SrtpMasterKey[<hidden>]";
    }
}
