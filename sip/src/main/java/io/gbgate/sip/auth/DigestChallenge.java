package io.gbgate.sip.auth;

import java.util.Objects;

/**
 * The parameters of a {@code WWW-Authenticate: Digest ...} challenge (RFC 2617 / RFC 3261 section 22.4).
 *
 * @param realm     realm, e.g. the platform's 10-digit domain
 * @param nonce     server nonce
 * @param algorithm algorithm token, or null (means MD5)
 * @param qop       qop options as sent (e.g. {@code "auth"} or {@code "auth,auth-int"}), or null for legacy RFC 2069
 * @param opaque    opaque value to echo, or null
 * @param stale     whether the server reports the previous nonce as stale
 */
public record DigestChallenge(String realm, String nonce, String algorithm, String qop, String opaque, boolean stale) {

    public DigestChallenge {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
    }

    /** Challenge with MD5, {@code qop="auth"}, no opaque. */
    public static DigestChallenge md5Auth(String realm, String nonce, boolean stale) {
        return new DigestChallenge(realm, nonce, DigestCalculator.MD5, DigestCalculator.QOP_AUTH, null, stale);
    }
}
