package io.gbgate.media.webrtc.srtp;

/**
 * The AES-CM key derivation of RFC 3711 section 4.3 with a key derivation rate of zero: session
 * keys are derived once per master key.
 */
final class SrtpKeyDerivation {
    static final int LABEL_RTP_ENCRYPTION = 0;
    static final int LABEL_RTP_AUTHENTICATION = 1;
    static final int LABEL_RTP_SALT = 2;
    static final int LABEL_RTCP_ENCRYPTION = 3;
    static final int LABEL_RTCP_AUTHENTICATION = 4;
    static final int LABEL_RTCP_SALT = 5;

    /** Session authentication key length for HMAC-SHA1. */
    static final int AUTH_KEY_LENGTH = 20;

    private SrtpKeyDerivation() {
    }

    /** {@code length} bytes of session key material for {@code label}. */
    static byte[] derive(SrtpMasterKey master, int label, int length) {
        byte[] iv = new byte[AesCounterKeystream.BLOCK];
        byte[] salt = master.salt();
        System.arraycopy(salt, 0, iv, 0, salt.length);
        // key_id = label || r with r = 0: the label lands on byte 7 of the 14-byte salt
        iv[7] ^= (byte) label;
        return new AesCounterKeystream(master.key()).keystream(iv, length);
    }

    /** The three session keys of one direction for RTP ({@code rtcp == false}) or RTCP. */
    static SessionKeys sessionKeys(SrtpMasterKey master, boolean rtcp) {
        int base = rtcp ? LABEL_RTCP_ENCRYPTION : LABEL_RTP_ENCRYPTION;
        return new SessionKeys(
                derive(master, base, SrtpMasterKey.KEY_LENGTH),
                derive(master, base + 1, AUTH_KEY_LENGTH),
                derive(master, base + 2, SrtpMasterKey.SALT_LENGTH));
    }

    /** Derived session keys: cipher key, authentication key, salt. */
    record SessionKeys(byte[] encryptionKey, byte[] authenticationKey, byte[] salt) {
    }
}
