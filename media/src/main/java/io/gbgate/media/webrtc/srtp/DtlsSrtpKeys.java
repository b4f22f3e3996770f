package io.gbgate.media.webrtc.srtp;

import java.util.Arrays;

/**
 * The SRTP master keys a DTLS-SRTP handshake yields (RFC 5764 section 4.2): the DTLS client
 * protects what it sends with {@code clientWrite}, the server with {@code serverWrite}.
 */
public record DtlsSrtpKeys(SrtpMasterKey clientWrite, SrtpMasterKey serverWrite) {
    /** Bytes to export with the label EXTRACTOR-dtls_srtp for SRTP_AES128_CM_HMAC_SHA1_80. */
    public static final int EXPORTED_LENGTH = 2 * (SrtpMasterKey.KEY_LENGTH + SrtpMasterKey.SALT_LENGTH);

    /** Splits exported keying material: client key, server key, client salt, server salt. */
    public static DtlsSrtpKeys fromKeyingMaterial(byte[] material) {
        if (material.length != EXPORTED_LENGTH) {
            throw new IllegalArgumentException("expected " + EXPORTED_LENGTH + " bytes of keying material");
        }
        int k = SrtpMasterKey.KEY_LENGTH;
        int s = SrtpMasterKey.SALT_LENGTH;
        return new DtlsSrtpKeys(
                new SrtpMasterKey(Arrays.copyOfRange(material, 0, k), Arrays.copyOfRange(material, 2 * k, 2 * k + s)),
                new SrtpMasterKey(Arrays.copyOfRange(material, k, 2 * k), Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s)));
    }
}
