package io.gbgate.media.webrtc.stun;

import java.security.GeneralSecurityException;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two STUN message checksums: MESSAGE-INTEGRITY (HMAC-SHA1, RFC 5389 section 15.4) and
 * FINGERPRINT (CRC-32 xor 0x5354554e, section 15.5).
 *
 * <p>Both are computed over the message up to the attribute that carries them, with the
 * header's length field set as if that attribute were the last one.
 */
public final class StunChecksums {
    /** Value xor-ed into the CRC-32 so STUN cannot be mistaken for another protocol's CRC. */
    public static final int FINGERPRINT_XOR = 0x5354554e;
    /** Size of the HMAC-SHA1 value. */
    public static final int INTEGRITY_LENGTH = 20;

    private static final int HEADER = StunMessage.HEADER_SIZE;
    private static final int ATTRIBUTE_HEADER = 4;

    private StunChecksums() {
    }

    /**
     * HMAC-SHA1 of {@code message[0, integrityOffset)} where {@code integrityOffset} is the index of
     * the MESSAGE-INTEGRITY attribute header; the length field is taken as ending after it.
     */
    public static byte[] integrity(byte[] message, int integrityOffset, byte[] key) {
        int adjustedLength = integrityOffset + ATTRIBUTE_HEADER + INTEGRITY_LENGTH - HEADER;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            mac.update(message, 0, 2);
            mac.update((byte) (adjustedLength >>> 8));
            mac.update((byte) adjustedLength);
            mac.update(message, 4, integrityOffset - 4);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable in this JDK", e);
        }
    }

    /**
     * FINGERPRINT value of {@code message[0, fingerprintOffset)} where {@code fingerprintOffset} is
     * the index of the FINGERPRINT attribute header; the length field is taken as ending after it.
     */
    public static int fingerprint(byte[] message, int fingerprintOffset) {
        int adjustedLength = fingerprintOffset + ATTRIBUTE_HEADER + 4 - HEADER;
        CRC32 crc = new CRC32();
        crc.update(message, 0, 2);
        crc.update(adjustedLength >>> 8);
        crc.update(adjustedLength & 0xFF);
        crc.update(message, 4, fingerprintOffset - 4);
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }
}
