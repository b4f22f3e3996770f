package io.gbgate.media.webrtc.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A certificate fingerprint as SDP carries it (RFC 8122): {@code a=fingerprint:sha-256 AB:CD:...}.
 *
 * @param hashFunction lower-case hash name as in SDP ({@code sha-256}, {@code sha-1}, ...)
 * @param value        upper-case hex bytes separated by colons
 */
public record CertificateFingerprint(String hashFunction, String value) {
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    public CertificateFingerprint {
        hashFunction = hashFunction.toLowerCase(Locale.ROOT);
        value = value.toUpperCase(Locale.ROOT);
        javaDigestName(hashFunction);
        COLON_HEX.parseHex(value);
    }

    /** Parses the attribute value {@code "sha-256 AB:CD:..."}. */
    public static CertificateFingerprint parse(String attributeValue) {
        String[] parts = attributeValue.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("fingerprint is not '<hash> <hex>': " + attributeValue);
        }
        return new CertificateFingerprint(parts[0], parts[1]);
    }

    /** The fingerprint of a DER-encoded certificate with {@code hashFunction}. */
    public static CertificateFingerprint of(String hashFunction, byte[] derCertificate) {
        return new CertificateFingerprint(hashFunction, COLON_HEX.formatHex(digest(hashFunction, derCertificate)));
    }

    /** True when {@code derCertificate} hashes to this fingerprint. */
    public boolean matches(byte[] derCertificate) {
        return MessageDigest.isEqual(COLON_HEX.parseHex(value), digest(hashFunction, derCertificate));
    }

    /** The value of an SDP {@code a=fingerprint} attribute. */
    public String toSdpValue() {
        return hashFunction + " " + value;
    }

    private static byte[] digest(String hashFunction, byte[] data) {
        try {
            return MessageDigest.getInstance(javaDigestName(hashFunction)).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("unsupported fingerprint hash " + hashFunction, e);
        }
    }

    private static String javaDigestName(String hashFunction) {
        return switch (hashFunction) {
            case "sha-1" -> "SHA-1";
            case "sha-256" -> "SHA-256";
            case "sha-384" -> "SHA-384";
            case "sha-512" -> "SHA-512";
            default -> throw new IllegalArgumentException("unsupported fingerprint hash " + hashFunction);
        };
    }
}
