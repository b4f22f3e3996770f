package io.gbgate.media.webrtc.srtp;

/** What became of one received SRTP or SRTCP packet. */
public enum SrtpResult {
    /** Authenticated and decrypted in place; the tag (and SRTCP index) are stripped. */
    OK,
    /** Too short to hold the headers and the authentication tag. */
    TOO_SHORT,
    /** The authentication tag did not verify: forged, corrupted or keyed differently. */
    AUTHENTICATION_FAILED,
    /** An index seen before or too old for the replay window. */
    REPLAYED
}
