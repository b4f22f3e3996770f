package io.gbgate.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * MD5 HTTP digest computation as SIP uses it (RFC 2617, RFC 3261 section 22.4): HA1, HA2 and the request digest,
 * with {@code qop=auth} (nc/cnonce) or the legacy form without qop. Only MD5 and qop {@code auth} are supported;
 * other algorithms (MD5-sess, SHA-256, ...) and {@code auth-int} are rejected with a {@link DigestAuthException}.
 * Stateless and thread-safe.
 */
public final class DigestCalculator {

    /** The only supported algorithm token. */
    public static final String MD5 = "MD5";
    /** The only supported qop value. */
    public static final String QOP_AUTH = "auth";

    private static final HexFormat HEX = HexFormat.of();

    private DigestCalculator() {
    }

    /** {@code HA1 = MD5(username:realm:password)}. */
    public static String ha1(String username, String realm, String password) {
        return md5Hex(username, realm, password);
    }

    /** {@code HA2 = MD5(method:uri)} (qop auth or none). */
    public static String ha2(String method, String uri) {
        return md5Hex(method, uri);
    }

    /** Legacy request digest without qop: {@code MD5(HA1:nonce:HA2)}. */
    public static String response(String ha1, String nonce, String ha2) {
        return md5Hex(ha1, nonce, ha2);
    }

    /** Request digest with qop: {@code MD5(HA1:nonce:nc:cnonce:qop:HA2)}. */
    public static String response(String ha1, String nonce, String nc, String cnonce, String qop, String ha2) {
        return md5Hex(ha1, nonce, nc, cnonce, qop, ha2);
    }

    /**
     * The digest the client should have sent for {@code credentials}, given the password and the request method.
     *
     * @throws DigestAuthException for an unsupported algorithm or qop, or qop without nc/cnonce
     */
    public static String expectedResponse(DigestCredentials credentials, String method, String password) {
        requireMd5(credentials.algorithm());
        String ha1 = ha1(credentials.username(), credentials.realm(), password);
        String ha2 = ha2(method, credentials.uri());
        if (credentials.qop() == null) {
            return response(ha1, credentials.nonce(), ha2);
        }
        if (!QOP_AUTH.equalsIgnoreCase(credentials.qop())) {
            throw new DigestAuthException("unsupported qop '" + credentials.qop() + "' (only auth)");
        }
        if (credentials.nc() == null || credentials.cnonce() == null) {
            throw new DigestAuthException("qop=auth requires nc and cnonce");
        }
        return response(ha1, credentials.nonce(), credentials.nc(), credentials.cnonce(), QOP_AUTH, ha2);
    }

    /**
     * Whether {@code credentials.response()} matches the password (constant-time comparison).
     * Nonce freshness is checked separately with {@link NonceService}.
     *
     * @throws DigestAuthException for an unsupported algorithm or qop
     */
    public static boolean verify(DigestCredentials credentials, String method, String password) {
        String expected = expectedResponse(credentials, method, password);
        byte[] given = credentials.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given);
    }

    /**
     * Answers a challenge (client / device role). Uses qop=auth when the challenge offers it, the legacy form when
     * it offers no qop.
     *
     * @param cnonce     client nonce (ignored without qop)
     * @param nonceCount how many requests this client has sent with this nonce, starting at 1
     * @throws DigestAuthException for an unsupported algorithm, or qop options without {@code auth}
     */
    public static DigestCredentials authorize(DigestChallenge challenge, String username, String password,
                                              String method, String uri, String cnonce, long nonceCount) {
        requireMd5(challenge.algorithm());
        String ha1 = ha1(username, challenge.realm(), password);
        String ha2 = ha2(method, uri);
        String algorithm = challenge.algorithm() == null ? null : MD5;
        if (challenge.qop() == null) {
            return new DigestCredentials(username, challenge.realm(), challenge.nonce(), uri,
                    response(ha1, challenge.nonce(), ha2), algorithm, null, null, null, challenge.opaque());
        }
        if (!offersAuth(challenge.qop())) {
            throw new DigestAuthException("challenge qop '" + challenge.qop() + "' does not offer auth");
        }
        if (nonceCount < 1 || nonceCount > 0xFFFF_FFFFL) {
            throw new DigestAuthException("nonce count out of range: " + nonceCount);
        }
        String nc = String.format(Locale.ROOT, "%08x", nonceCount);
        return new DigestCredentials(username, challenge.realm(), challenge.nonce(), uri,
                response(ha1, challenge.nonce(), nc, cnonce, QOP_AUTH, ha2), algorithm, QOP_AUTH, nc, cnonce,
                challenge.opaque());
    }

    private static boolean offersAuth(String qopOptions) {
        for (String option : qopOptions.split(",")) {
            if (QOP_AUTH.equalsIgnoreCase(option.trim())) {
                return true;
            }
        }
        return false;
    }

    private static void requireMd5(String algorithm) {
        if (algorithm != null && !MD5.equalsIgnoreCase(algorithm)) {
            throw new DigestAuthException("unsupported digest algorithm '" + algorithm + "' (only MD5)");
        }
    }

    private static String md5Hex(String... parts) {
        MessageDigest md5 = newMd5();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                md5.update((byte) ':');
            }
            md5.update(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        return HEX.formatHex(md5.digest());
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JVM without MD5", e);
        }
    }
}
