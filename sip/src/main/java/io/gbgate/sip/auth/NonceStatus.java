package io.gbgate.sip.auth;

/** Result of checking a nonce with {@link NonceService#check(String)}. */
public enum NonceStatus {
    /** Issued by this service (authentic) and not expired. */
    VALID,
    /** Issued by this service but expired: challenge again with {@code stale=true}. */
    STALE,
    /** Not issued by this service (malformed, wrong key, tampered): challenge again without stale. */
    INVALID
}
