package io.gbgate.sip.auth;

import java.util.Objects;

/**
 * The parameters of an {@code Authorization: Digest ...} header (RFC 2617 / RFC 3261 section 22.4).
 *
 * @param username  user name (for GB28181: the device ID)
 * @param realm     realm
 * @param nonce     nonce echoed from the challenge
 * @param uri       digest-uri (the request URI as the client wrote it)
 * @param response  32 hex digit request digest
 * @param algorithm algorithm token, or null (means MD5)
 * @param qop       {@code "auth"}, or null for legacy RFC 2069 digests
 * @param nc        nonce count (8 hex digits) when qop is present, else null
 * @param cnonce    client nonce when qop is present, else null
 * @param opaque    opaque echoed from the challenge, or null
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                String algorithm, String qop, String nc, String cnonce, String opaque) {

    public DigestCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(response, "response");
    }
}
