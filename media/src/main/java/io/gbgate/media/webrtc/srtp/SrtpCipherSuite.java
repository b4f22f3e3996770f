package io.gbgate.media.webrtc.srtp;

import io.netty.buffer.ByteBuf;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES_CM_128_HMAC_SHA1_80 for one direction and one of RTP or RTCP: the session keys derived
 * from a master key, the counter-mode IV (RFC 3711 section 4.1.1) and the 80-bit HMAC-SHA1 tag
 * (section 4.2.1). Not thread-safe; reuses its arrays for every packet.
 */
final class SrtpCipherSuite {
    /** Length of the authentication tag appended to each packet. */
    static final int TAG_LENGTH = 10;

    private final AesCounterKeystream keystream;
    private final Mac mac;
    private final byte[] salt;
    private final byte[] iv = new byte[AesCounterKeystream.BLOCK];
    private final byte[] digest = new byte[20];
    private final byte[] word = new byte[4];

    SrtpCipherSuite(SrtpMasterKey master, boolean rtcp) {
        SrtpKeyDerivation.SessionKeys keys = SrtpKeyDerivation.sessionKeys(master, rtcp);
        this.keystream = new AesCounterKeystream(keys.encryptionKey());
        this.salt = keys.salt();
        try {
            this.mac = Mac.getInstance("HmacSHA1");
            this.mac.init(new SecretKeySpec(keys.authenticationKey(), "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable in this JDK", e);
        }
    }

    /** XORs the keystream for packet {@code index} of {@code ssrc} into {@code buf[from, from + length)}. */
    void crypt(long ssrc, long index, ByteBuf buf, int from, int length) {
        System.arraycopy(salt, 0, iv, 0, salt.length);
        iv[14] = 0;
        iv[15] = 0;
        for (int i = 0; i < 4; i++) {
            iv[4 + i] ^= (byte) (ssrc >>> (24 - 8 * i));
        }
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
        keystream.xor(iv, buf, from, length);
    }

    /**
     * Computes the tag over {@code buf[from, from + length)} followed by {@code trailer} as a
     * 32-bit word (the ROC for RTP; for RTCP pass -1 for none) and writes it at {@code tagIndex}.
     */
    void writeTag(ByteBuf buf, int from, int length, long trailer, int tagIndex) {
        computeDigest(buf, from, length, trailer);
        buf.setBytes(tagIndex, digest, 0, TAG_LENGTH);
    }

    /** True when the tag at {@code tagIndex} matches. */
    boolean verifyTag(ByteBuf buf, int from, int length, long trailer, int tagIndex) {
        computeDigest(buf, from, length, trailer);
        int difference = 0;
        for (int i = 0; i < TAG_LENGTH; i++) {
            difference |= digest[i] ^ buf.getByte(tagIndex + i);
        }
        return difference == 0;
    }

    private void computeDigest(ByteBuf buf, int from, int length, long trailer) {
        if (buf.hasArray()) {
            mac.update(buf.array(), buf.arrayOffset() + from, length);
        } else if (buf.nioBufferCount() == 1) {
            mac.update(buf.internalNioBuffer(from, length));
        } else {
            for (int i = 0; i < length; i++) {
                mac.update(buf.getByte(from + i));
            }
        }
        if (trailer >= 0) {
            word[0] = (byte) (trailer >>> 24);
            word[1] = (byte) (trailer >>> 16);
            word[2] = (byte) (trailer >>> 8);
            word[3] = (byte) trailer;
            mac.update(word);
        }
        try {
            mac.doFinal(digest, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
