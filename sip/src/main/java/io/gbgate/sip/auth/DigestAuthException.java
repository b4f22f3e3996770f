package io.gbgate.sip.auth;

/** Digest parameters this implementation cannot or will not use (unsupported algorithm or qop, missing fields). */
public class DigestAuthException extends RuntimeException {

    public DigestAuthException(String message) {
        super(message);
    }
}
